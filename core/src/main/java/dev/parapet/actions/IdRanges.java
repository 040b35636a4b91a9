package dev.parapet.actions;

import dev.parapet.seclang.SecLangException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A set of rule ids written as numbers and ranges separated by spaces or commas, e.g.
 * {@code 941000-942999 920540}.
 */
public record IdRanges(int[] from, int[] to) implements IntPredicate {

    /** @throws SecLangException when a token is not a number or a range */
    public static IdRanges parse(String text) {
        List<int[]> ranges = new ArrayList<>();
        for (String token : text.strip().split("[\\s,]+")) {
            if (token.isEmpty()) {
                continue;
            }
            int dash = token.indexOf('-', 1);
            try {
                if (dash > 0) {
                    int a = Integer.parseInt(token.substring(0, dash).strip());
                    int b = Integer.parseInt(token.substring(dash + 1).strip());
                    if (b < a) {
                        throw new SecLangException("id range '" + token + "' ends before it starts");
                    }
                    ranges.add(new int[] {a, b});
                } else {
                    int a = Integer.parseInt(token);
                    ranges.add(new int[] {a, a});
                }
            } catch (NumberFormatException e) {
                throw new SecLangException("'" + token + "' is not a rule id or id range");
            }
        }
        if (ranges.isEmpty()) {
            throw new SecLangException("no rule id given");
        }
        int[] from = new int[ranges.size()];
        int[] to = new int[ranges.size()];
        for (int i = 0; i < from.length; i++) {
            from[i] = ranges.get(i)[0];
            to[i] = ranges.get(i)[1];
        }
        return new IdRanges(from, to);
    }

    @Override
    public boolean test(int id) {
        for (int i = 0; i < from.length; i++) {
            if (id >= from[i] && id <= to[i]) {
                return true;
            }
        }
        return false;
    }
}
