package dev.parapet.store;

/** One change to a persistent SecLang collection variable, applied atomically by the store. */
public sealed interface CollectionChange {

    /** The variable name (lower case). */
    String name();

    /** {@code setvar:ip.name=value}. */
    record Set(String name, String value) implements CollectionChange {
    }

    /** {@code setvar:ip.name=+n} (or {@code -n}), applied to the stored value so parallel requests add up. */
    record Add(String name, long delta) implements CollectionChange {
    }

    /** {@code setvar:!ip.name}. */
    record Remove(String name) implements CollectionChange {
    }

    /** {@code expirevar:ip.name=seconds}: the variable disappears that many seconds from now. */
    record Expire(String name, long seconds) implements CollectionChange {
    }
}
