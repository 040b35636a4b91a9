package dev.parapet.ratelimit;

import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which requests a policy applies to (AWS WAF's scope-down statement): methods, path prefixes, or any
 * predicate over the request, combined with {@link #and}, {@link #or} and {@link #negate}.
 */
@FunctionalInterface
public interface Scope {

    /** Whether the policy applies to the request. */
    boolean test(GuardedRequest request);

    /** Every request. */
    static Scope all() {
        return r -> true;
    }

    /** Requests with one of the methods (case-insensitive). */
    static Scope methods(String... methods) {
        Set<String> set = new HashSet<>();
        for (String m : methods) {
            set.add(m.toUpperCase(Locale.ROOT));
        }
        return r -> set.contains(r.method().toUpperCase(Locale.ROOT));
    }

    /** Requests whose decoded path starts with one of the prefixes. */
    static Scope pathPrefix(String... prefixes) {
        String[] copy = prefixes.clone();
        return r -> {
            String path = r.path();
            for (String p : copy) {
                if (path.startsWith(p)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Requests carrying the header. */
    static Scope hasHeader(String name) {
        return r -> r.header(name) != null;
    }

    /**
     * A condition written like a SecRule, e.g.
     * {@code Scope.secLang("REQUEST_HEADERS:User-Agent", "@rx (?i)curl|wget", "t:lowercase")} or
     * {@code Scope.secLang("REQUEST_FILENAME", "@beginsWith /api/")}; a bare argument means {@code @rx}.
     * Only variables known before phase 1 are available (see the list in the exception for others).
     *
     * @throws dev.parapet.seclang.SecLangException for an unknown variable, operator or transformation
     */
    static Scope secLang(String variable, String operator, String... transformations) {
        return SecLangCondition.parse(variable, operator, transformations);
    }

    /** Requests the predicate accepts. */
    static Scope matching(Predicate<? super GuardedRequest> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return predicate::test;
    }

    /** Both scopes. */
    default Scope and(Scope other) {
        return r -> test(r) && other.test(r);
    }

    /** Either scope. */
    default Scope or(Scope other) {
        return r -> test(r) || other.test(r);
    }

    /** Requests outside this scope. */
    default Scope negate() {
        return r -> !test(r);
    }
}
