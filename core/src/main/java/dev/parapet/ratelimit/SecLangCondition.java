package dev.parapet.ratelimit;

import dev.parapet.operators.Operator;
import dev.parapet.operators.OperatorArgs;
import dev.parapet.operators.OperatorContext;
import dev.parapet.operators.OperatorRegistry;
import dev.parapet.seclang.MacroString;
import dev.parapet.seclang.SecLangException;
import dev.parapet.transformations.Transformation;
import dev.parapet.transformations.TransformationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A scope written like one SecRule: a variable, an operator and optional transformations, evaluated on
 * what is known before phase 1 — {@code REQUEST_METHOD}, {@code REQUEST_FILENAME}, {@code REQUEST_URI},
 * {@code QUERY_STRING}, {@code REMOTE_ADDR}, {@code REMOTE_USER}, {@code CLIENT_IP} (resolved behind
 * proxies) and {@code REQUEST_HEADERS:name}, {@code REQUEST_COOKIES:name}, {@code ARGS_GET:name}.
 * Matches when any value of the variable matches, as a rule would.
 */
final class SecLangCondition implements Scope {

    private final String variable;
    private final String key;
    private final Operator operator;
    private final boolean negated;
    private final List<Transformation> transformations;

    private SecLangCondition(String variable, String key, Operator operator, boolean negated,
            List<Transformation> transformations) {
        this.variable = variable;
        this.key = key;
        this.operator = operator;
        this.negated = negated;
        this.transformations = transformations;
    }

    static SecLangCondition parse(String target, String operatorText, String... transformationNames) {
        String t = target.strip();
        int colon = t.indexOf(':');
        String variable = (colon < 0 ? t : t.substring(0, colon)).toUpperCase(Locale.ROOT);
        String key = colon < 0 ? null : t.substring(colon + 1);
        boolean keyed = switch (variable) {
            case "REQUEST_METHOD", "REQUEST_FILENAME", "REQUEST_URI", "QUERY_STRING", "REMOTE_ADDR", "REMOTE_USER",
                 "CLIENT_IP" -> false;
            case "REQUEST_HEADERS", "REQUEST_COOKIES", "ARGS_GET" -> true;
            default -> throw new SecLangException("variable " + variable + " is not known before phase 1");
        };
        if (keyed != (key != null && !key.isEmpty())) {
            throw new SecLangException(keyed ? variable + " needs a name, e.g. " + variable + ":User-Agent"
                    : variable + " takes no name");
        }
        String op = operatorText.strip();
        boolean negated = op.startsWith("!");
        if (negated) {
            op = op.substring(1).strip();
        }
        String name = "rx";
        String argument = op;
        if (op.startsWith("@")) {
            int space = op.indexOf(' ');
            name = space < 0 ? op.substring(1) : op.substring(1, space);
            argument = space < 0 ? "" : op.substring(space + 1);
        }
        String operatorName = name;
        Operator operator = OperatorRegistry.lookup(operatorName)
                .orElseThrow(() -> new SecLangException("unknown operator @" + operatorName))
                .create(OperatorArgs.of(operatorName, argument));
        List<Transformation> transformations = new ArrayList<>();
        for (String n : transformationNames) {
            String tn = n.strip();
            if (tn.startsWith("t:")) {
                tn = tn.substring(2);
            }
            if (tn.equals("none")) {
                transformations.clear();
                continue;
            }
            String finalName = tn;
            transformations.add(TransformationRegistry.lookup(tn)
                    .orElseThrow(() -> new SecLangException("unknown transformation t:" + finalName)));
        }
        return new SecLangCondition(variable, key, operator, negated, List.copyOf(transformations));
    }

    @Override
    public boolean test(GuardedRequest r) {
        for (String value : values(r)) {
            if (value == null) {
                continue;
            }
            String v = value;
            for (Transformation t : transformations) {
                v = t.apply(v);
            }
            if (operator.evaluate(NO_CAPTURE, v) != negated) {
                return true;
            }
        }
        return false;
    }

    private List<String> values(GuardedRequest r) {
        return switch (variable) {
            case "REQUEST_METHOD" -> List.of(r.method());
            case "REQUEST_FILENAME" -> List.of(r.path());
            case "REQUEST_URI" -> List.of(r.uri());
            case "QUERY_STRING" -> r.queryString() == null ? List.of() : List.of(r.queryString());
            case "REMOTE_ADDR" -> List.of(r.remoteAddress());
            case "REMOTE_USER" -> r.remoteUser() == null ? List.of() : List.of(r.remoteUser());
            case "CLIENT_IP" -> r.clientIp() == null ? List.of() : List.of(r.clientIp().toString());
            case "REQUEST_HEADERS" -> r.headers(key);
            case "REQUEST_COOKIES" -> r.cookie(key) == null ? List.of() : List.of(r.cookie(key));
            case "ARGS_GET" -> r.queryArgument(key) == null ? List.of() : List.of(r.queryArgument(key));
            default -> List.of();
        };
    }

    /** Conditions capture nothing and expand no macros: there is no transaction to write to yet. */
    private static final OperatorContext NO_CAPTURE = new OperatorContext() {
        @Override
        public boolean capturing() {
            return false;
        }

        @Override
        public void capture(int index, String value) {
        }

        @Override
        public String expand(MacroString argument) {
            return argument.expand((collection, k) -> null);
        }
    };
}
