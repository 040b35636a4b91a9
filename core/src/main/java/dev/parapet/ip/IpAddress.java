package dev.parapet.ip;

import java.util.HexFormat;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address as one 128-bit value. IPv4 is held IPv4-mapped ({@code ::ffff:a.b.c.d}), so
 * {@code 10.0.0.1} and {@code ::ffff:10.0.0.1} are the same address and print the same way.
 * Parsing is purely textual: no name resolution, no zone ids, no leading zeros in IPv4 parts.
 *
 * @param high the first 64 bits
 * @param low the last 64 bits
 */
public record IpAddress(long high, long low) implements Comparable<IpAddress> {

    private static final long MAPPED_PREFIX = 0xFFFF_0000_0000L;

    /** Parses a literal, or {@code null} when it is not a valid address. Never throws. */
    public static IpAddress parseOrNull(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            long v4 = parseIpv4(text, 0, text.length());
            return v4 < 0 ? null : new IpAddress(0L, MAPPED_PREFIX | v4);
        }
        return parseIpv6(text);
    }

    /** Parses a literal. */
    public static Optional<IpAddress> parse(String text) {
        return Optional.ofNullable(parseOrNull(text));
    }

    /** An IPv4 address from its 32-bit value. */
    public static IpAddress ofIpv4(int value) {
        return new IpAddress(0L, MAPPED_PREFIX | (value & 0xFFFF_FFFFL));
    }

    /** Whether this is an IPv4 (or IPv4-mapped IPv6) address. */
    public boolean isIpv4() {
        return high == 0L && (low >>> 32) == 0xFFFFL;
    }

    /** The first {@code bits} bits of the address, the rest zero; {@code bits} counts in the 128-bit space. */
    public IpAddress maskTo(int bits) {
        if (bits >= 128) {
            return this;
        }
        if (bits <= 0) {
            return new IpAddress(0L, 0L);
        }
        if (bits <= 64) {
            return new IpAddress(high & mask(bits), 0L);
        }
        return new IpAddress(high, low & mask(bits - 64));
    }

    /** The network of the given prefix length in this address's own family (/24 for IPv4, /64 for IPv6). */
    public IpAddress network(int ipv4Prefix, int ipv6Prefix) {
        return isIpv4() ? maskTo(96 + Math.max(0, Math.min(32, ipv4Prefix))) : maskTo(ipv6Prefix);
    }

    static long mask(int bits) {
        return bits >= 64 ? -1L : bits <= 0 ? 0L : -1L << (64 - bits);
    }

    @Override
    public int compareTo(IpAddress o) {
        int c = Long.compareUnsigned(high, o.high);
        return c != 0 ? c : Long.compareUnsigned(low, o.low);
    }

    /** Dotted quad for IPv4, RFC 5952 form (lower case, longest zero run compressed) for IPv6. */
    @Override
    public String toString() {
        if (isIpv4()) {
            long v = low & 0xFFFF_FFFFL;
            return (v >>> 24) + "." + ((v >>> 16) & 255) + "." + ((v >>> 8) & 255) + "." + (v & 255);
        }
        int[] g = new int[8];
        for (int k = 0; k < 4; k++) {
            g[k] = (int) ((high >>> (48 - 16 * k)) & 0xFFFF);
            g[k + 4] = (int) ((low >>> (48 - 16 * k)) & 0xFFFF);
        }
        int bestStart = -1;
        int bestLength = 1; // RFC 5952: a single zero group is not compressed
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    /** Dotted quad, four decimal parts 0–255 without leading zeros; -1 when invalid. */
    static long parseIpv4(String text, int from, int to) {
        long value = 0;
        int parts = 0;
        int i = from;
        while (true) {
            int start = i;
            int part = 0;
            while (i < to && i - start < 3 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                part = part * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start || part > 255 || (text.charAt(start) == '0' && i - start > 1)) {
                return -1; // empty, too large, or a leading zero (inet_pton rejects those)
            }
            value = (value << 8) | part;
            parts++;
            if (parts == 4) {
                return i == to ? value : -1;
            }
            if (i >= to || text.charAt(i) != '.') {
                return -1;
            }
            i++;
        }
    }

    private static IpAddress parseIpv6(String text) {
        int[] groups = new int[8];
        int count = 0;
        int gap = -1; // index in groups where "::" was
        int n = text.length();
        int i = 0;
        if (text.startsWith("::")) {
            gap = 0;
            i = 2;
            if (i == n) {
                return new IpAddress(0L, 0L);
            }
        } else if (text.charAt(0) == ':') {
            return null;
        }
        while (i < n) {
            if (count == 8) {
                return null;
            }
            int start = i;
            int value = 0;
            while (i < n && i - start < 4 && hex(text.charAt(i)) >= 0) {
                value = (value << 4) | hex(text.charAt(i));
                i++;
            }
            if (i < n && text.charAt(i) == '.') {
                // Embedded IPv4 in the last 32 bits.
                long v4 = parseIpv4(text, start, n);
                if (v4 < 0 || count > 6) {
                    return null;
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xFFFF);
                break;
            }
            if (i == start) {
                return null;
            }
            groups[count++] = value;
            if (i == n) {
                break;
            }
            if (text.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < n && text.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = count;
                i++;
            } else if (i == n) {
                return null; // trailing single colon
            }
        }
        int[] full = new int[8];
        if (gap >= 0) {
            if (count > 7) {
                return null;
            }
            int tail = count - gap;
            System.arraycopy(groups, 0, full, 0, gap);
            System.arraycopy(groups, gap, full, 8 - tail, tail);
        } else {
            if (count != 8) {
                return null;
            }
            System.arraycopy(groups, 0, full, 0, 8);
        }
        long high = 0;
        long low = 0;
        for (int k = 0; k < 4; k++) {
            high = (high << 16) | full[k];
            low = (low << 16) | full[k + 4];
        }
        return new IpAddress(high, low);
    }

    /** The value of an ASCII hex digit, or -1 ({@link HexFormat} accepts only 0-9, a-f and A-F). */
    private static int hex(char c) {
        return HexFormat.isHexDigit(c) ? HexFormat.fromHexDigit(c) : -1;
    }
}
