package dev.parapet.ip;

/**
 * A CIDR network such as {@code 192.0.2.0/24} or {@code 2001:db8::/32}; a bare address is a /32 or /128.
 *
 * @param address the first address of the network (host bits are cleared)
 * @param prefixLength the prefix length in the 128-bit space (an IPv4 /24 is 120)
 */
public record IpNetwork(IpAddress address, int prefixLength) {

    public IpNetwork {
        if (prefixLength < 0 || prefixLength > 128) {
            throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }
        address = address.maskTo(prefixLength);
    }

    /** Parses {@code a.b.c.d}, {@code a.b.c.d/n}, {@code v6} or {@code v6/n}; {@code null} when invalid. */
    public static IpNetwork parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        IpAddress address = IpAddress.parseOrNull(addressText);
        if (address == null) {
            return null;
        }
        // The family is the one written: "::ffff:10.0.0.0/104" counts in IPv6 bits, "10.0.0.0/8" in IPv4 bits.
        boolean writtenAsIpv4 = addressText.indexOf(':') < 0;
        int max = writtenAsIpv4 ? 32 : 128;
        int prefix = max;
        if (slash >= 0) {
            prefix = parsePrefix(text, slash + 1, max);
            if (prefix < 0) {
                return null;
            }
        }
        return new IpNetwork(address, writtenAsIpv4 ? prefix + 96 : prefix);
    }

    /**
     * Parses a network.
     *
     * @throws IllegalArgumentException when the text is not an address or network
     */
    public static IpNetwork parse(String text) {
        IpNetwork n = parseOrNull(text);
        if (n == null) {
            throw new IllegalArgumentException("invalid IP address or network \"" + text + "\"");
        }
        return n;
    }

    /** The last address of the network. */
    public IpAddress last() {
        int p = prefixLength;
        long hostHigh = p >= 64 ? 0L : ~IpAddress.mask(p);
        long hostLow = p <= 64 ? -1L : ~IpAddress.mask(p - 64);
        return new IpAddress(address.high() | hostHigh, address.low() | hostLow);
    }

    /** Whether the address lies in this network. */
    public boolean contains(IpAddress a) {
        return a.maskTo(prefixLength).equals(address);
    }

    @Override
    public String toString() {
        return address.isIpv4() && prefixLength >= 96
                ? address + "/" + (prefixLength - 96)
                : address + "/" + prefixLength;
    }

    private static int parsePrefix(String text, int from, int max) {
        int length = text.length() - from;
        if (length <= 0 || length > 3) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max ? value : -1;
    }
}
