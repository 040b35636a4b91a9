package dev.parapet.operators;

import dev.parapet.seclang.MacroString;

/** An operator argument that is either constant or expanded per transaction when it holds macros. */
final class Argument {

    private final MacroString macro; // null when constant
    private final String constant;

    private Argument(MacroString macro, String constant) {
        this.macro = macro;
        this.constant = constant;
    }

    static Argument of(OperatorArgs args) {
        MacroString parsed = args.macro();
        return parsed.hasMacros() ? new Argument(parsed, null) : new Argument(null, args.argument());
    }

    boolean isConstant() {
        return macro == null;
    }

    /** The constant value; only valid when {@link #isConstant()}. */
    String constant() {
        return constant;
    }

    String value(OperatorContext context) {
        return macro == null ? constant : context.expand(macro);
    }
}
