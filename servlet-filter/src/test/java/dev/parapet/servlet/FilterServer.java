package dev.parapet.servlet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.audit.AuditLog;
import dev.parapet.audit.AuditPolicy;
import dev.parapet.audit.FileAuditSink;
import dev.parapet.crs.HttpWire;
import dev.parapet.engine.Firewall;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** An embedded Jetty 12 with the filter in front of {@link TestApp}'s servlets; audit and error log in files. */
final class FilterServer implements AutoCloseable {

    final Server server;
    final int port;
    final Path auditFile;
    final Path errorFile;
    private final FileAuditSink sink;

    private FilterServer(Server server, int port, Path auditFile, Path errorFile, FileAuditSink sink) {
        this.server = server;
        this.port = port;
        this.auditFile = auditFile;
        this.errorFile = errorFile;
        this.sink = sink;
    }

    static FilterServer start(Firewall firewall, Path dir) {
        return start(firewall, dir, 3000);
    }

    static FilterServer start(Firewall firewall, Path dir, long idleTimeoutMillis) {
        return start(firewall, dir, idleTimeoutMillis, AuditPolicy.RELEVANT);
    }

    static FilterServer start(Firewall firewall, Path dir, long idleTimeoutMillis, AuditPolicy policy) {
        return start(ParapetFilter.builder(firewall), dir, idleTimeoutMillis, policy);
    }

    /** A server with the filter {@code filter} builds (its audit log is set here). */
    static FilterServer start(ParapetFilter.Builder filter, Path dir) {
        return start(filter, dir, 3000, AuditPolicy.RELEVANT);
    }

    private static FilterServer start(ParapetFilter.Builder builder, Path dir, long idleTimeoutMillis,
            AuditPolicy policy) {
        Path audit = dir.resolve("audit.jsonl");
        Path errors = dir.resolve("error.log");
        FileAuditSink sink = FileAuditSink.open(audit, errors);
        ParapetFilter filter = builder
                .auditLog(AuditLog.builder().sink(sink).policy(policy).build())
                .build();
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        // Let every request reach the filter as sent (original header case, odd URIs), as the demo does.
        http.setHttpCompliance(HttpCompliance.LEGACY);
        http.setUriCompliance(UriCompliance.UNSAFE);
        // HTTP/1.1, and HTTP/2 over cleartext (h2c), where a body needs no Content-Length.
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http),
                new HTTP2CServerConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setIdleTimeout(idleTimeoutMillis);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        FilterHolder holder = new FilterHolder(filter);
        holder.setAsyncSupported(true);
        context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
        Map<String, HttpServlet> servlets = Map.of(
                "/echo", new TestApp.Echo(),
                "/reader", new TestApp.ReaderEcho(),
                "/params", new TestApp.Params(),
                "/parts", new TestApp.Parts(),
                "/respond", new TestApp.Respond(),
                "/async", new TestApp.Async(),
                "/nonblocking", new TestApp.NonBlockingRead(),
                "/dispatch", new TestApp.AsyncDispatch(),
                "/stream", new TestApp.Stream());
        servlets.forEach((path, servlet) -> {
            ServletHolder h = new ServletHolder(servlet);
            h.setAsyncSupported(true);
            context.addServlet(h, path);
        });
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not start", e);
        }
        return new FilterServer(server, connector.getLocalPort(), audit, errors, sink);
    }

    HttpWire.Response send(String rawRequest) {
        return send(rawRequest.getBytes(StandardCharsets.ISO_8859_1));
    }

    HttpWire.Response send(byte[] rawRequest) {
        return HttpWire.exchange("127.0.0.1", port, rawRequest, 10_000);
    }

    List<String> errorLines() {
        try {
            return Files.exists(errorFile) ? Files.readAllLines(errorFile, StandardCharsets.ISO_8859_1) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonNode> events() {
        try {
            List<JsonNode> out = new ArrayList<>();
            if (Files.exists(auditFile)) {
                for (String line : Files.readAllLines(auditFile, StandardCharsets.ISO_8859_1)) {
                    out.add(TestApp.JSON.readTree(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The audit event of the transaction with this id. */
    JsonNode event(String transactionId) {
        return events().stream().filter(e -> e.get("transaction_id").asText().equals(transactionId)).findFirst()
                .orElseThrow(() -> new AssertionError("no audit event for " + transactionId));
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            sink.close();
        }
    }
}
