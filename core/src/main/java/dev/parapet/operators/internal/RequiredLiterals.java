package dev.parapet.operators.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds, for a regular expression in SafeRE (java.util.regex) syntax, literal conditions that every match
 * satisfies — a necessary condition that a cheap multi-literal scan can test before the regex runs. The result
 * is a conjunction of clauses; each clause is a set of literals of which every match contains at least one.
 * A value that fails any clause cannot match, so the regex search is skipped.
 *
 * <p>The literals are lower-case ASCII or caseless Latin-1 characters; the conditions hold for ASCII
 * case-insensitive containment, so they are sound for case-sensitive and case-insensitive patterns alike. Soundness is the whole point: every
 * construct this analysis does not understand makes it answer "no condition" rather than guess.
 *
 * <p>The analysis follows the classic prefilter construction (as in RE2's {@code prefilter} and Hyperscan's
 * literal extraction), kept to a few clauses: each node is described either by the exact set of strings it
 * matches (small sets only) or by clauses; concatenation keeps the most selective clauses of its parts,
 * alternation pairs up its branches' clauses.
 */
public final class RequiredLiterals {

    /** Exact sets larger than this are turned into clauses. */
    private static final int MAX_EXACT = 64;
    /** Characters a class may stand for and still be treated as a set of one-character literals. */
    private static final int MAX_CLASS = 16;
    /** Literals are cut to this length: a prefix of a required literal is required too. */
    private static final int MAX_LITERAL = 10;
    /** A clause with more literals than this is dropped: nearly every value would satisfy it anyway. */
    private static final int MAX_CLAUSE = 400;
    /** Clauses kept per node (the most selective ones). */
    private static final int MAX_CLAUSES = 4;

    private final String p;
    private int i;

    private RequiredLiterals(String pattern) {
        this.p = pattern;
    }

    /**
     * Clauses every match of {@code javaPattern} satisfies: each is a set of literals of which the match
     * contains one (ASCII case-insensitively). Empty when the analysis finds none (or does not understand
     * the pattern).
     */
    public static List<Set<String>> of(String javaPattern) {
        RequiredLiterals parser = new RequiredLiterals(javaPattern);
        try {
            Info info = parser.alternation();
            if (parser.i != javaPattern.length()) {
                return List.of();
            }
            List<Set<String>> out = new ArrayList<>();
            for (Set<String> clause : info.clauses()) {
                out.add(Set.copyOf(clause));
            }
            return List.copyOf(out);
        } catch (Unsupported | IndexOutOfBoundsException | NumberFormatException e) {
            return List.of();
        }
    }

    /** Thrown for syntax the analysis does not model; the pattern then gets no condition. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    /**
     * What is known about the strings a node matches: {@code exact} (all of them, when few), or else
     * {@code known} clauses (possibly none: nothing known), best first.
     */
    private record Info(Set<String> exact, List<Set<String>> known) {

        static final Info UNKNOWN = new Info(null, List.of());
        static final Info EMPTY = new Info(Set.of(""), null);

        static Info exact(Set<String> strings) {
            return new Info(strings, null);
        }

        /** The clauses this node guarantees; none when it can match the empty string or nothing is known. */
        List<Set<String>> clauses() {
            if (exact == null) {
                return known;
            }
            Set<String> clause = clauseOf(exact);
            return clause == null ? List.of() : List.of(clause);
        }
    }

    /** An exact set as one clause, or {@code null} when it holds the empty string or is too large. */
    private static Set<String> clauseOf(Set<String> exact) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : exact) {
            if (s.isEmpty()) {
                return null; // the node can match the empty string: nothing is guaranteed
            }
            out.add(s.length() > MAX_LITERAL ? s.substring(0, MAX_LITERAL) : s);
        }
        return minimise(out);
    }

    /** The best {@link #MAX_CLAUSES} distinct, not too large clauses, most selective first. */
    private static List<Set<String>> best(List<Set<String>> candidates) {
        List<Set<String>> usable = new ArrayList<>();
        for (Set<String> c : candidates) {
            if (c != null && !c.isEmpty() && c.size() <= MAX_CLAUSE && !usable.contains(c)) {
                usable.add(c);
            }
        }
        usable.sort(Comparator.comparingDouble(RequiredLiterals::passChance));
        return usable.size() > MAX_CLAUSES ? List.copyOf(usable.subList(0, MAX_CLAUSES)) : usable;
    }

    // --- parsing -------------------------------------------------------------------------------------------

    private Info alternation() {
        List<Info> branches = new ArrayList<>();
        branches.add(concatenation());
        while (i < p.length() && p.charAt(i) == '|') {
            i++;
            branches.add(concatenation());
        }
        if (branches.size() == 1) {
            return branches.get(0);
        }
        boolean allExact = true;
        int total = 0;
        for (Info b : branches) {
            if (b.exact == null) {
                allExact = false;
                break;
            }
            total += b.exact.size();
        }
        if (allExact && total <= MAX_EXACT) {
            Set<String> union = new LinkedHashSet<>();
            for (Info b : branches) {
                union.addAll(b.exact);
            }
            return Info.exact(union);
        }
        // A match satisfies the clauses of the branch it took, so the union of one clause from each branch
        // holds for every match; pairing the k-th best clause of each branch gives up to MAX_CLAUSES of them.
        List<List<Set<String>>> perBranch = new ArrayList<>();
        int widest = 0;
        for (Info b : branches) {
            List<Set<String>> c = b.clauses();
            if (c.isEmpty()) {
                return Info.UNKNOWN;
            }
            perBranch.add(c);
            widest = Math.max(widest, c.size());
        }
        List<Set<String>> clauses = new ArrayList<>();
        for (int k = 0; k < widest; k++) {
            Set<String> union = new LinkedHashSet<>();
            for (List<Set<String>> c : perBranch) {
                union.addAll(c.get(Math.min(k, c.size() - 1)));
            }
            clauses.add(minimise(union));
        }
        return new Info(null, best(clauses));
    }

    private Info concatenation() {
        List<Set<String>> candidates = new ArrayList<>();
        Set<String> run = Set.of("");
        boolean allExact = true;
        while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
            Info item = quantified();
            if (item.exact != null) {
                Set<String> product = product(run, item.exact);
                if (product != null) {
                    run = product;
                    continue;
                }
                // Too many combinations: keep what the run guarantees and start a new one.
                candidates.add(clauseOf(run));
                run = item.exact;
                allExact = false;
                continue;
            }
            allExact = false;
            candidates.add(clauseOf(run));
            run = Set.of("");
            candidates.addAll(item.known);
        }
        if (allExact) {
            return Info.exact(run);
        }
        candidates.add(clauseOf(run));
        return new Info(null, best(candidates));
    }

    /**
     * A rough chance that a typical benign value (a dozen characters of text, identifiers and URL parts)
     * satisfies the clause; lower is better. Letters weigh by their frequency in English text, digits and
     * common separators are frequent, other punctuation and control characters rare. Only the ranking of
     * clauses uses it, so it need not be accurate, just ordered sensibly.
     */
    static double passChance(Set<String> literals) {
        double chance = 0;
        for (String literal : literals) {
            double p = 12;
            for (int k = 0; k < literal.length() && p > 1e-9; k++) {
                p *= frequency(literal.charAt(k));
            }
            chance += Math.min(1, p);
        }
        return Math.min(1, chance);
    }

    /** Approximate per-character frequency, from English letter frequencies scaled for mixed values. */
    private static double frequency(char c) {
        if (c >= 'a' && c <= 'z') {
            return LETTER_FREQUENCY[c - 'a'] * 0.7;
        }
        if (c >= '0' && c <= '9') {
            return 0.02;
        }
        return switch (c) {
            case ' ' -> 0.05;
            case '-', '_', '.', '/' -> 0.02;
            case '=', '&', '%', ',', ':', '+' -> 0.01;
            default -> c < 0x20 || c >= 0x7f ? 0.0005 : 0.003;
        };
    }

    private static final double[] LETTER_FREQUENCY = {
        0.082, 0.015, 0.028, 0.043, 0.127, 0.022, 0.020, 0.061, 0.070, 0.0015, 0.0077, 0.040, 0.024,
        0.067, 0.075, 0.019, 0.00095, 0.060, 0.063, 0.091, 0.028, 0.0098, 0.024, 0.0015, 0.020, 0.00074};

    private static Set<String> product(Set<String> left, Set<String> right) {
        if ((long) left.size() * right.size() > MAX_EXACT) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String a : left) {
            for (String b : right) {
                String s = a + b;
                if (s.length() > 4 * MAX_LITERAL) {
                    return null;
                }
                out.add(s);
            }
        }
        return out;
    }

    /** Drops literals that contain another literal of the set: finding the shorter one is enough. */
    private static Set<String> minimise(Set<String> literals) {
        List<String> sorted = new ArrayList<>(literals);
        sorted.sort(Comparator.comparingInt(String::length));
        Set<String> out = new LinkedHashSet<>();
        for (String s : sorted) {
            boolean covered = false;
            for (String kept : out) {
                if (s.contains(kept)) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                out.add(s);
            }
        }
        return out;
    }

    private Info quantified() {
        Info atom = atom();
        while (i < p.length()) {
            char c = p.charAt(i);
            int min;
            int max;
            if (c == '*') {
                min = 0;
                max = -1;
                i++;
            } else if (c == '+') {
                min = 1;
                max = -1;
                i++;
            } else if (c == '?') {
                min = 0;
                max = 1;
                i++;
            } else if (c == '{' && quantifierEnd(i) > 0) {
                int end = quantifierEnd(i);
                String body = p.substring(i + 1, end - 1);
                int comma = body.indexOf(',');
                min = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
                max = comma < 0 ? min : comma == body.length() - 1 ? -1 : Integer.parseInt(body.substring(comma + 1));
                i = end;
            } else {
                return atom;
            }
            if (i < p.length() && (p.charAt(i) == '?' || p.charAt(i) == '+')) {
                i++; // lazy or possessive: the same strings can match
            }
            atom = repeat(atom, min, max);
        }
        return atom;
    }

    private int quantifierEnd(int open) {
        int j = open + 1;
        int digits = 0;
        while (j < p.length() && Character.isDigit(p.charAt(j))) {
            j++;
            digits++;
        }
        if (digits == 0) {
            return -1;
        }
        if (j < p.length() && p.charAt(j) == ',') {
            j++;
            while (j < p.length() && Character.isDigit(p.charAt(j))) {
                j++;
            }
        }
        return j < p.length() && p.charAt(j) == '}' ? j + 1 : -1;
    }

    private static Info repeat(Info atom, int min, int max) {
        if (min == 0) {
            if (max == 1 && atom.exact != null) {
                Set<String> out = new LinkedHashSet<>(atom.exact);
                out.add("");
                return Info.exact(out);
            }
            return Info.UNKNOWN; // may match nothing at all
        }
        if (min == 1 && max == 1) {
            return atom;
        }
        // One or more copies: every match contains at least one match of the atom.
        return new Info(null, atom.clauses());
    }

    private Info atom() {
        char c = p.charAt(i);
        switch (c) {
            case '(' -> {
                return group();
            }
            case '[' -> {
                return characterClass();
            }
            case '.' -> {
                i++;
                return Info.UNKNOWN;
            }
            case '^', '$' -> {
                i++;
                return Info.EMPTY;
            }
            case '\\' -> {
                return escape();
            }
            case '*', '+', '?', '{', ')', '|' -> throw new Unsupported();
            default -> {
                i++;
                return literal(c);
            }
        }
    }

    private Info group() {
        i++; // '('
        boolean zeroWidth = false;
        if (p.charAt(i) == '?') {
            i++;
            char k = p.charAt(i);
            if (k == ':' || k == '>') {
                i++;
            } else if (k == '=' || k == '!') {
                i++;
                zeroWidth = true;
            } else if (k == '<') {
                char after = p.charAt(i + 1);
                if (after == '=' || after == '!') {
                    i += 2;
                    zeroWidth = true;
                } else {
                    int close = p.indexOf('>', i);
                    if (close < 0) {
                        throw new Unsupported();
                    }
                    i = close + 1; // named group
                }
            } else {
                // Inline flags: (?i) (?s) (?-i) (?i:...). Case and dot-all do not change the analysis;
                // comments mode would.
                int j = i;
                while (j < p.length() && (Character.isLetter(p.charAt(j)) || p.charAt(j) == '-')) {
                    if (p.charAt(j) == 'x') {
                        throw new Unsupported();
                    }
                    j++;
                }
                if (j >= p.length()) {
                    throw new Unsupported();
                }
                if (p.charAt(j) == ')') {
                    i = j + 1;
                    return Info.EMPTY;
                }
                if (p.charAt(j) != ':') {
                    throw new Unsupported();
                }
                i = j + 1;
            }
        }
        Info inner = alternation();
        if (i >= p.length() || p.charAt(i) != ')') {
            throw new Unsupported();
        }
        i++;
        return zeroWidth ? Info.EMPTY : inner;
    }

    private Info escape() {
        char e = p.charAt(i + 1);
        switch (e) {
            case 'b', 'B', 'A', 'z', 'Z', 'G' -> {
                i += 2;
                return Info.EMPTY;
            }
            case 'd', 'D', 'w', 'W', 's', 'S', 'h', 'H', 'v', 'V', 'R', 'X' -> {
                i += 2;
                return Info.UNKNOWN;
            }
            case 'p', 'P' -> {
                skipProperty();
                return Info.UNKNOWN;
            }
            case 'Q' -> {
                int end = p.indexOf("\\E", i + 2);
                String quoted = end < 0 ? p.substring(i + 2) : p.substring(i + 2, end);
                i = end < 0 ? p.length() : end + 2;
                Set<String> run = Set.of("");
                for (int k = 0; k < quoted.length(); k++) {
                    Info one = literal(quoted.charAt(k));
                    if (one.exact == null) {
                        return Info.UNKNOWN;
                    }
                    run = product(run, one.exact);
                    if (run == null) {
                        return Info.UNKNOWN;
                    }
                }
                return Info.exact(run);
            }
            default -> {
                int cp = escapedChar();
                return cp < 0 ? Info.UNKNOWN : literal(cp);
            }
        }
    }

    private void skipProperty() {
        i += 2;
        if (i < p.length() && p.charAt(i) == '{') {
            int close = p.indexOf('}', i);
            if (close < 0) {
                throw new Unsupported();
            }
            i = close + 1;
        } else {
            i++;
        }
    }

    /**
     * Reads a single-character escape at {@code i} (the backslash) and returns its code point, or throws for
     * escapes that are not one literal character (back-references and the like).
     */
    private int escapedChar() {
        char e = p.charAt(i + 1);
        switch (e) {
            case 'x' -> {
                if (p.charAt(i + 2) == '{') {
                    int close = p.indexOf('}', i + 3);
                    if (close < 0) {
                        throw new Unsupported();
                    }
                    int cp = Integer.parseInt(p.substring(i + 3, close), 16);
                    i = close + 1;
                    return cp;
                }
                int cp = Integer.parseInt(p.substring(i + 2, i + 4), 16);
                i += 4;
                return cp;
            }
            case 'u' -> {
                int cp = Integer.parseInt(p.substring(i + 2, i + 6), 16);
                i += 6;
                return cp;
            }
            case '0' -> {
                int j = i + 2;
                int value = 0;
                int digits = 0;
                while (digits < 3 && j < p.length() && p.charAt(j) >= '0' && p.charAt(j) <= '7') {
                    value = value * 8 + (p.charAt(j) - '0');
                    j++;
                    digits++;
                }
                if (digits == 0) {
                    throw new Unsupported();
                }
                i = j;
                return value;
            }
            case 't' -> {
                i += 2;
                return '\t';
            }
            case 'n' -> {
                i += 2;
                return '\n';
            }
            case 'r' -> {
                i += 2;
                return '\r';
            }
            case 'f' -> {
                i += 2;
                return '\f';
            }
            case 'a' -> {
                i += 2;
                return 7;
            }
            case 'e' -> {
                i += 2;
                return 27;
            }
            default -> {
                if (Character.isLetterOrDigit(e)) {
                    throw new Unsupported(); // back-references, \c, \k and other escapes this model lacks
                }
                i += 2;
                return e;
            }
        }
    }

    private static Info literal(int cp) {
        if (!representable(cp)) {
            return Info.UNKNOWN;
        }
        return Info.exact(Set.of(String.valueOf(fold((char) cp))));
    }

    /**
     * Whether a character can be a literal: ASCII (compared case-insensitively by folding), or a Latin-1
     * character that is not a letter and so has no case variant a case-insensitive regex could also match.
     */
    public static boolean representable(int cp) {
        return cp < 0x80 || (cp <= 0xFF && !Character.isLetter(cp));
    }

    static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** Parses a class at {@code i}; a small positive ASCII class becomes a set of one-character literals. */
    private Info characterClass() {
        i++; // '['
        boolean negated = false;
        if (p.charAt(i) == '^') {
            negated = true;
            i++;
        }
        Set<String> members = new LinkedHashSet<>();
        boolean representable = !negated;
        boolean first = true;
        while (true) {
            char c = p.charAt(i);
            if (c == ']' && !first) {
                i++;
                break;
            }
            first = false;
            if (c == '[') {
                int end = RegexSyntax.classEnd(p, i);
                if (end < 0) {
                    throw new Unsupported();
                }
                i = end + 1;
                representable = false;
                continue;
            }
            if (c == '&' && p.charAt(i + 1) == '&') {
                throw new Unsupported(); // intersections narrow a class in ways this model does not track
            }
            int low;
            if (c == '\\') {
                char e = p.charAt(i + 1);
                if ("dDwWsShHvV".indexOf(e) >= 0) {
                    i += 2;
                    representable = false;
                    continue;
                }
                if (e == 'p' || e == 'P') {
                    skipProperty();
                    representable = false;
                    continue;
                }
                if (e == 'Q') {
                    throw new Unsupported();
                }
                low = escapedChar();
            } else {
                low = c;
                i++;
            }
            int high = low;
            if (p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
                i++;
                char h = p.charAt(i);
                if (h == '[') {
                    throw new Unsupported();
                }
                if (h == '\\') {
                    high = escapedChar();
                } else {
                    high = h;
                    i++;
                }
            }
            if (!representable) {
                continue;
            }
            if (high - low >= MAX_CLASS || !allRepresentable(low, high)) {
                representable = false;
                continue;
            }
            for (int ch = low; ch <= high; ch++) {
                members.add(String.valueOf(fold((char) ch)));
            }
            if (members.size() > MAX_CLASS) {
                representable = false;
            }
        }
        return representable && !members.isEmpty() ? Info.exact(members) : Info.UNKNOWN;
    }

    private static boolean allRepresentable(int low, int high) {
        for (int ch = low; ch <= high; ch++) {
            if (!representable(ch)) {
                return false;
            }
        }
        return true;
    }


}
