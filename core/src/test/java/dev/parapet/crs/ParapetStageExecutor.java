package dev.parapet.crs;

import dev.parapet.crs.RawRequest.Header;
import dev.parapet.engine.Firewall;
import dev.parapet.engine.Interruption;
import dev.parapet.engine.MatchedRule;
import dev.parapet.engine.Transaction;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/** Drives one Parapet transaction per stage: phases 1-2 with the request, 3-4 with the backend response, 5. */
final class ParapetStageExecutor implements StageExecutor {
    /** go-ftw connects over loopback; CRS 905100/905110 only exempt loopback for "GET /" or Apache's dummy UA. */
    static final String CLIENT_ADDRESS = "127.0.0.1";
    static final int CLIENT_PORT = 54321;

    private final Firewall firewall;

    ParapetStageExecutor(Firewall firewall) {
        this.firewall = firewall;
    }

    @Override
    public StageResult execute(RawRequest request, BackendResponse response, String serverAddress, int serverPort) {
        try (Transaction tx = firewall.newTransaction()) {
            tx.processConnection(CLIENT_ADDRESS, CLIENT_PORT, serverAddress, serverPort);
            tx.processUri(request.method(), request.uri(), request.protocol());
            for (Header h : request.headers()) {
                tx.addRequestHeader(h.name(), h.value());
            }
            Optional<Interruption> interruption = tx.processRequestHeaders();
            if (interruption.isEmpty()) {
                byte[] body = ByteStrings.bytes(request.body());
                tx.appendRequestBody(body, 0, body.length);
                interruption = tx.processRequestBody();
            }
            if (interruption.isEmpty()) {
                for (Header h : response.headers()) {
                    tx.addResponseHeader(h.name(), h.value());
                }
                interruption = tx.processResponseHeaders(response.status(), "HTTP/1.1");
            }
            if (interruption.isEmpty()) {
                byte[] body = ByteStrings.bytes(response.body());
                tx.appendResponseBody(body, 0, body.length);
                interruption = tx.processResponseBody();
            }
            tx.processLogging();
            List<MatchedRule> logged = tx.matchedRules().stream().filter(MatchedRule::log).toList();
            return new StageResult(
                    logged.stream().map(MatchedRule::id).toList(),
                    logged.stream().map(MatchedRule::errorLogLine).collect(Collectors.joining("\n")),
                    interruption.map(i -> OptionalInt.of(i.status())).orElse(OptionalInt.empty()));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing the transaction failed", e);
        }
    }
}
