package dev.parapet.engine;

import dev.parapet.engine.internal.Ascii;
import dev.parapet.engine.internal.Entry;
import dev.parapet.variables.Variable;
import java.util.ArrayList;
import java.util.List;

/** {@link ClientRequest} over a transaction's variables; valid while the transaction is. */
final class TransactionRequestView implements ClientRequest {

    private final Transaction tx;

    TransactionRequestView(Transaction tx) {
        this.tx = tx;
    }

    @Override
    public String transactionId() {
        return tx.id();
    }

    @Override
    public String remoteAddress() {
        return nonNull(tx.scalarValue(Variable.REMOTE_ADDR));
    }

    @Override
    public String method() {
        return nonNull(tx.scalarValue(Variable.REQUEST_METHOD));
    }

    @Override
    public String uri() {
        return nonNull(tx.scalarValue(Variable.REQUEST_URI));
    }

    @Override
    public String path() {
        return nonNull(tx.scalarValue(Variable.REQUEST_FILENAME));
    }

    @Override
    public String queryString() {
        return tx.scalarValue(Variable.QUERY_STRING);
    }

    @Override
    public List<String> headers(String name) {
        return values(Variable.REQUEST_HEADERS, name);
    }

    @Override
    public String cookie(String name) {
        return first(Variable.REQUEST_COOKIES, name);
    }

    @Override
    public String queryArgument(String name) {
        return first(Variable.ARGS_GET, name);
    }

    @Override
    public String remoteUser() {
        String u = tx.scalarValue(Variable.REMOTE_USER);
        return u == null || u.isEmpty() ? null : u;
    }

    private List<String> values(Variable v, String name) {
        String lower = Ascii.lower(name);
        List<String> out = null;
        for (Entry e : tx.entriesOf(v)) {
            if (e.keyLower().equals(lower)) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(e.value());
            }
        }
        return out == null ? List.of() : out;
    }

    private String first(Variable v, String name) {
        String lower = Ascii.lower(name);
        for (Entry e : tx.entriesOf(v)) {
            if (e.keyLower().equals(lower)) {
                return e.value();
            }
        }
        return null;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
