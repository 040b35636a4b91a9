package dev.parapet.crs;

/** The result of one test (all its stages): passed, failed with a reason, or skipped with a reason. */
record Outcome(Kind kind, String reason) {
    enum Kind { PASSED, FAILED, SKIPPED }

    static Outcome passed() {
        return new Outcome(Kind.PASSED, "");
    }

    static Outcome failed(String reason) {
        return new Outcome(Kind.FAILED, reason);
    }

    static Outcome skipped(String reason) {
        return new Outcome(Kind.SKIPPED, reason);
    }
}
