package dev.parapet.operators.internal;

import dev.parapet.ip.CidrSet;
import dev.parapet.ip.IpNetwork;
import dev.parapet.seclang.SecLangException;
import java.util.Collection;

/**
 * An immutable set of IPv4/IPv6 networks for {@code @ipMatch} and {@code @ipMatchFromFile}, backed by a
 * {@link CidrSet} (one binary search per lookup, however many networks). IPv4 is stored IPv4-mapped
 * ({@code ::ffff:a.b.c.d}), so an IPv4-mapped IPv6 input matches an IPv4 entry and vice versa. Parsing is
 * purely textual (no name resolution).
 */
public final class IpSet {

    private final CidrSet<Boolean> networks;

    private IpSet(CidrSet<Boolean> networks) {
        this.networks = networks;
    }

    /**
     * Parses entries such as {@code 192.168.0.0/16}, {@code 10.0.0.1}, {@code ::1}, {@code 2001:db8::/32}.
     *
     * @throws SecLangException when an entry is not a valid address or network
     */
    public static IpSet parse(Collection<String> entries) {
        CidrSet.Builder<Boolean> b = CidrSet.builder();
        int count = 0;
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            IpNetwork network = IpNetwork.parseOrNull(entry);
            if (network == null) {
                throw new SecLangException(entry.indexOf('/') >= 0 && IpNetwork.parseOrNull(
                        entry.substring(0, entry.indexOf('/'))) != null
                        ? "invalid network mask in \"" + entry + "\""
                        : "invalid IP address \"" + entry + "\"");
            }
            b.add(network, Boolean.TRUE);
            count++;
        }
        if (count == 0) {
            throw new SecLangException("no IP addresses given");
        }
        return new IpSet(b.build());
    }

    /** Whether {@code input} is a valid address inside one of the networks (invalid input: false). */
    public boolean contains(String input) {
        return networks.contains(input);
    }

    /** Number of distinct networks in the set. */
    public int size() {
        return networks.size();
    }
}
