package dev.parapet.actions;

import dev.parapet.seclang.MacroString;

/** What a {@link ActionType#NON_DISRUPTIVE} action may do to the running transaction. */
public interface ActionContext {

    /** Expands macros against the transaction and the current match. */
    String expand(MacroString text);

    /** Reads a collection variable ({@code TX}, {@code IP}, …); {@code null} when unset. */
    String variable(String collection, String key);

    /** Sets a collection variable. */
    void setVariable(String collection, String key, String value);

    /** Removes a collection variable. */
    void removeVariable(String collection, String key);

    /** Makes a collection variable expire after {@code seconds}. */
    void expireVariable(String collection, String key, long seconds);

    /** Opens a persistent collection ({@code initcol:ip=%{REMOTE_ADDR}}) under the given key. */
    void initCollection(String collection, String key);

    /** Sets an environment variable visible to the host application ({@code setenv}). */
    void setEnvironment(String name, String value);

    /** Per-transaction configuration changes ({@code ctl:}). */
    TransactionControl control();
}
