package dev.parapet.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.crs.HttpWire;
import jakarta.servlet.DispatcherType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filter as a container creates it from web.xml: no-argument constructor, init parameters. */
class FilterInitParametersTest {

    static Server server(Map<String, String> params) {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        FilterHolder holder = new FilterHolder(ParapetFilter.class);
        holder.setAsyncSupported(true);
        params.forEach(holder::setInitParameter);
        context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
        context.addServlet(new ServletHolder(new TestApp.Respond()), "/respond");
        server.setHandler(context);
        return server;
    }

    @Test
    void rulesModeAndLogsFromInitParameters(@TempDir Path dir) throws Exception {
        Path rulesDir = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rulesDir.resolve("10-engine.conf"), TestRules.ENGINE.formatted("Reject"));
        Files.writeString(rulesDir.resolve("20-rules.conf"), TestRules.RULES);
        Path audit = dir.resolve("logs/audit.jsonl");
        Path errors = dir.resolve("logs/error.log");
        for (String mode : new String[] {"On", "DetectionOnly"}) {
            Server server = server(Map.of("rules", rulesDir.toString(), "mode", mode, "audit-log", audit.toString(),
                    "error-log", errors.toString()));
            server.start();
            try {
                int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
                HttpWire.Response r = HttpWire.exchange("127.0.0.1", port,
                        "GET /respond?q=attack2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.ISO_8859_1), 10_000);
                assertEquals(mode.equals("On") ? 403 : 200, r.status());
            } finally {
                server.stop();
            }
        }
        assertEquals(2, Files.readAllLines(audit).size());
        assertTrue(Files.readString(errors).contains("[id \"201\"]"));
    }

    @Test
    void missingOrBrokenRulesStopTheApplicationFromStarting(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.conf");
        Files.writeString(broken, "SecRule ARGS \"@rx (\" \"id:1,phase:2,deny\"\n");
        for (Map<String, String> params : new Map[] {Map.of(), Map.of("rules", broken.toString()),
                Map.of("rules", dir.resolve("absent.conf").toString())}) {
            Server server = server(params);
            server.setStopAtShutdown(false);
            try {
                // Jetty reports a filter that fails init by failing start (or by marking the context unavailable).
                boolean failed;
                try {
                    server.start();
                    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
                    HttpWire.Response r = HttpWire.exchange("127.0.0.1", port,
                            "GET /respond HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                                    .getBytes(StandardCharsets.ISO_8859_1), 10_000);
                    failed = r.status() >= 500;
                } catch (Exception e) {
                    failed = true;
                }
                assertTrue(failed, "no safe default: requests must not pass an unconfigured filter " + params);
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void ruleFilesOfADirectoryLoadInNameOrder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.conf"), "");
        Files.writeString(dir.resolve("a.conf"), "");
        Files.writeString(dir.resolve("c.txt"), "");
        assertEquals(java.util.List.of(dir.resolve("a.conf"), dir.resolve("b.conf")), ParapetFilter.ruleFiles(dir));
        assertEquals(java.util.List.of(dir.resolve("c.txt")), ParapetFilter.ruleFiles(dir.resolve("c.txt")));
        assertThrows(NullPointerException.class, () -> ParapetFilter.builder(null));
    }
}
