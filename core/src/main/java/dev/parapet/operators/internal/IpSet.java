package dev.parapet.operators.internal;

import dev.parapet.seclang.SecLangException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An immutable set of IPv4/IPv6 networks for {@code @ipMatch}. Addresses are held as 128-bit values;
 * IPv4 is stored IPv4-mapped ({@code ::ffff:a.b.c.d}), so an IPv4-mapped IPv6 input matches an IPv4 entry
 * and vice versa. Parsing is purely textual (no name resolution).
 */
public final class IpSet {

    private record Network(long high, long low, int prefix) {
        boolean contains(long[] address) {
            return prefixEquals(high, address[0], Math.min(prefix, 64))
                    && prefixEquals(low, address[1], Math.max(prefix - 64, 0));
        }
    }

    private final Network[] networks;

    private IpSet(Network[] networks) {
        this.networks = networks;
    }

    /**
     * Parses entries such as {@code 192.168.0.0/16}, {@code 10.0.0.1}, {@code ::1}, {@code 2001:db8::/32}.
     *
     * @throws SecLangException when an entry is not a valid address or network
     */
    public static IpSet parse(Collection<String> entries) {
        List<Network> list = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            long[] value = parseAddress(address);
            if (value == null) {
                throw new SecLangException("invalid IP address \"" + entry + "\"");
            }
            boolean v4 = address.indexOf(':') < 0;
            int maxPrefix = v4 ? 32 : 128;
            int prefix = maxPrefix;
            if (slash >= 0) {
                prefix = parsePrefix(entry.substring(slash + 1), maxPrefix);
                if (prefix < 0) {
                    throw new SecLangException("invalid network mask in \"" + entry + "\"");
                }
            }
            list.add(new Network(value[0], value[1], v4 ? prefix + 96 : prefix));
        }
        if (list.isEmpty()) {
            throw new SecLangException("no IP addresses given");
        }
        return new IpSet(list.toArray(new Network[0]));
    }

    /** Whether {@code input} is a valid address inside one of the networks (invalid input: false). */
    public boolean contains(String input) {
        long[] address = parseAddress(input);
        if (address == null) {
            return false;
        }
        for (Network network : networks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Number of networks in the set. */
    public int size() {
        return networks.length;
    }

    private static boolean prefixEquals(long a, long b, int bits) {
        if (bits <= 0) {
            return true;
        }
        long mask = bits >= 64 ? -1L : -1L << (64 - bits);
        return ((a ^ b) & mask) == 0;
    }

    private static int parsePrefix(String text, int max) {
        if (text.isEmpty() || text.length() > 3) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max ? value : -1;
    }

    /** Parses an IPv4 or IPv6 literal into {high, low} (IPv4 mapped), or null when invalid. */
    static long[] parseAddress(String text) {
        if (text.isEmpty() || text.length() > 45) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            long v4 = parseIpv4(text);
            return v4 < 0 ? null : new long[] {0L, 0xFFFF_0000_0000L | v4};
        }
        return parseIpv6(text);
    }

    /** Dotted quad, four decimal parts 0–255 without leading zeros; -1 when invalid. */
    private static long parseIpv4(String text) {
        long value = 0;
        int parts = 0;
        int i = 0;
        int n = text.length();
        while (true) {
            int start = i;
            int part = 0;
            while (i < n && i - start < 3 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                part = part * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start || part > 255 || (text.charAt(start) == '0' && i - start > 1)) {
                return -1; // empty, too large, or a leading zero (inet_pton rejects those)
            }
            value = (value << 8) | part;
            parts++;
            if (parts == 4) {
                return i == n ? value : -1;
            }
            if (i >= n || text.charAt(i) != '.') {
                return -1;
            }
            i++;
        }
    }

    private static long[] parseIpv6(String text) {
        int[] groups = new int[8];
        int count = 0;
        int gap = -1; // index in groups where "::" was
        int n = text.length();
        int i = 0;
        if (text.startsWith("::")) {
            gap = 0;
            i = 2;
            if (i == n) {
                return new long[] {0L, 0L};
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
                long v4 = parseIpv4(text.substring(start));
                if (v4 < 0 || count > 6) {
                    return null;
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xFFFF);
                i = n;
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
        return new long[] {high, low};
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
