package dev.parapet.servlet.tomcat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.audit.AuditLog;
import dev.parapet.audit.FileAuditSink;
import dev.parapet.crs.HttpWire;
import dev.parapet.servlet.ParapetFilter;
import dev.parapet.servlet.TomcatAccess;
import jakarta.servlet.http.HttpServlet;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The filter on embedded Tomcat 11 (Servlet 6.1): the same application and rules as the Jetty tests. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TomcatFilterTest {

    AutoCloseable server;
    int port;
    FileAuditSink sink;
    Path errors;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        // Selected with -Dtest in the Jetty run, where Tomcat is not on the class path: nothing to test there.
        Assumptions.assumeTrue(getClass().getClassLoader().getResource("org/apache/catalina/startup/Tomcat.class")
                != null, "Tomcat runs in the tomcat-test execution");
        errors = dir.resolve("error.log");
        sink = FileAuditSink.open(dir.resolve("audit.jsonl"), errors);
        ParapetFilter filter = ParapetFilter.builder(TomcatAccess.firewall())
                .auditLog(AuditLog.builder().sink(sink).build()).build();
        Embedded embedded = new Embedded();
        port = embedded.start(filter, dir);
        server = embedded;
    }

    /** Keeps Tomcat's types out of the test class's fields and signatures. */
    static final class Embedded implements AutoCloseable {
        private Tomcat tomcat;

        int start(ParapetFilter filter, Path dir) throws Exception {
            tomcat = new Tomcat();
            tomcat.setBaseDir(Files.createDirectories(dir.resolve("tomcat")).toString());
            Connector connector = new Connector();
            connector.setPort(0);
            connector.setProperty("address", "127.0.0.1");
            tomcat.getService().addConnector(connector);
            tomcat.setConnector(connector);
            Context context = tomcat.addContext("", Files.createDirectories(dir.resolve("docs")).toString());
            FilterDef def = new FilterDef();
            def.setFilterName("parapet");
            def.setFilter(filter);
            def.setAsyncSupported("true");
            context.addFilterDef(def);
            FilterMap map = new FilterMap();
            map.setFilterName("parapet");
            map.addURLPattern("/*");
            map.setDispatcher("REQUEST");
            map.setDispatcher("ASYNC");
            context.addFilterMap(map);
            for (Map.Entry<String, HttpServlet> e : TomcatAccess.servlets().entrySet()) {
                String name = e.getKey().substring(1);
                Tomcat.addServlet(context, name, e.getValue()).setAsyncSupported(true);
                context.addServletMappingDecoded(e.getKey(), name);
            }
            tomcat.start();
            return connector.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
            sink.close();
        }
    }

    HttpWire.Response send(byte[] raw) {
        return HttpWire.exchange("127.0.0.1", port, raw, 10_000);
    }

    static byte[] request(String target, String type, byte[] body, boolean chunked) {
        return TomcatAccess.request("POST", target, type, body, chunked);
    }

    static Stream<Arguments> bodies() {
        byte[] binary = TomcatAccess.binary(12_000);
        byte[] form = "a=1&b=J%C3%B6rg".getBytes(StandardCharsets.US_ASCII);
        return Stream.of(
                Arguments.of("application/octet-stream", binary, false),
                Arguments.of("application/octet-stream", binary, true),
                Arguments.of("application/x-www-form-urlencoded", form, true),
                Arguments.of("application/json", "{\"a\":[1,2]}".getBytes(StandardCharsets.UTF_8), false),
                Arguments.of(TomcatAccess.multipartType(), TomcatAccess.multipart(binary), true));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void bodiesPassUnchanged(String type, byte[] body, boolean chunked) {
        HttpWire.Response r = send(request("/echo", type, body, chunked));
        assertEquals(200, r.status(), r::bodyText);
        assertArrayEquals(body, r.body());
    }

    @Test
    void partsAndParameters() {
        byte[] file = TomcatAccess.binary(5_000);
        HttpWire.Response parts = send(request("/parts", TomcatAccess.multipartType(), TomcatAccess.multipart(file),
                false));
        assertEquals(200, parts.status(), parts::bodyText);
        assertTrue(parts.bodyText().contains(TomcatAccess.sha256(file)));
        HttpWire.Response params = send(request("/params?q=1", "application/x-www-form-urlencoded",
                "a=J%C3%B6rg".getBytes(StandardCharsets.US_ASCII), false));
        assertEquals("{\"q\":[\"1\"],\"a\":[\"Jörg\"]}", params.bodyText());
    }

    static Stream<Arguments> blocks() {
        return Stream.of(
                Arguments.of("GET /respond?body=x HTTP/1.1\r\nHost: t\r\nX-Block: phase1\r\nConnection: close\r\n\r\n", 403),
                Arguments.of("GET /respond?q=attack2 HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", 403),
                Arguments.of("GET /respond?header=X-Leak:yes HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", 502),
                Arguments.of("GET /respond?body=SECRET-LEAK&length=1 HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", 503),
                Arguments.of("GET /async?body=SECRET-LEAK HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", 503),
                Arguments.of("GET /async?body=fine HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", 200));
    }

    @ParameterizedTest
    @MethodSource("blocks")
    void blocksInEveryPhase(String raw, int status) throws Exception {
        HttpWire.Response r = send(raw.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(status, r.status(), r::bodyText);
        assertFalse(r.bodyText().contains("SECRET"));
        if (status != 200) {
            String page = r.bodyText();
            String id = page.substring(page.indexOf("<code>") + 6, page.indexOf("</code>"));
            assertTrue(Files.readString(errors).contains("[unique_id \"" + id + "\"]"));
        }
    }

    @Test
    void oversizedBodyIsRefused() {
        ByteArrayOutputStream big = new ByteArrayOutputStream();
        big.writeBytes(TomcatAccess.binary(20_000));
        HttpWire.Response r = send(request("/echo", "application/octet-stream", big.toByteArray(), false));
        assertEquals(413, r.status());
    }
}
