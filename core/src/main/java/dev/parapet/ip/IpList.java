package dev.parapet.ip;

import java.util.ArrayList;
import java.util.List;

/**
 * The networks read from one list, e.g. a FireHOL {@code .netset} or Spamhaus DROP file.
 *
 * @param source where the list came from, for logs
 * @param networks the valid entries, in file order
 * @param invalidLines how many non-comment lines were neither an address nor a network
 */
public record IpList(String source, List<IpNetwork> networks, int invalidLines) {

    public IpList {
        networks = List.copyOf(networks);
    }

    /**
     * Parses list lines: text after {@code #} or {@code ;} is a comment, blank lines are skipped, and the
     * first whitespace-separated token of a line is the entry ({@code 192.0.2.0/24 ; SBL123} reads
     * {@code 192.0.2.0/24}). Invalid entries are skipped and counted.
     */
    public static IpList parse(String source, Iterable<String> lines) {
        List<IpNetwork> networks = new ArrayList<>();
        int invalid = 0;
        for (String line : lines) {
            String entry = entryOf(line);
            if (entry == null) {
                continue;
            }
            IpNetwork n = IpNetwork.parseOrNull(entry);
            if (n == null) {
                invalid++;
            } else {
                networks.add(n);
            }
        }
        return new IpList(source, networks, invalid);
    }

    /** The entry of one list line, or {@code null} for a blank or comment-only line. */
    public static String entryOf(String line) {
        int end = line.length();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '#' || c == ';') {
                end = i;
                break;
            }
        }
        int start = 0;
        while (start < end && Character.isWhitespace(line.charAt(start))) {
            start++;
        }
        int stop = start;
        while (stop < end && !Character.isWhitespace(line.charAt(stop))) {
            stop++;
        }
        return stop == start ? null : line.substring(start, stop);
    }

    /** Whether the list looks broken rather than merely untidy: more invalid lines than valid ones. */
    public boolean looksBroken() {
        return invalidLines > 0 && invalidLines >= networks.size();
    }
}
