package dev.parapet.crs;

import java.util.List;
import java.util.OptionalInt;

/** Runs one request/response exchange through a WAF and reports what it logged. */
interface StageExecutor {

    /**
     * @param serverAddress the address the client connected to ({@code dest_addr}, resolved)
     * @param serverPort    the port the client connected to
     */
    StageResult execute(RawRequest request, BackendResponse response, String serverAddress, int serverPort);

    /**
     * @param loggedIds    ids of rules that matched and log, in match order (duplicates allowed)
     * @param errorLog     the ModSecurity-style error log lines of this exchange, joined by '\n'
     * @param interruption the status of a disruptive action, when the WAF interrupted the exchange
     */
    record StageResult(List<Integer> loggedIds, String errorLog, OptionalInt interruption) {}
}
