package dev.parapet.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrSetTest {

    /** Networks and their labels used by the longest-prefix table below. */
    private static final CidrSet<String> NESTED = CidrSet.<String>builder()
            .add(IpNetwork.parse("0.0.0.0/0"), "v4-any")
            .add(IpNetwork.parse("10.0.0.0/8"), "ten")
            .add(IpNetwork.parse("10.1.0.0/16"), "ten-one")
            .add(IpNetwork.parse("10.1.2.3/32"), "host")
            .add(IpNetwork.parse("10.1.255.0/24"), "ten-one-top")
            .add(IpNetwork.parse("10.2.0.0/15"), "ten-two")
            .add(IpNetwork.parse("255.255.255.255/32"), "broadcast")
            .add(IpNetwork.parse("2001:db8::/32"), "doc")
            .add(IpNetwork.parse("2001:db8::1/128"), "doc-host")
            .add(IpNetwork.parse("ffff::/16"), "top-v6")
            .build();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "0.0.0.0                  | v4-any",
        "9.255.255.255            | v4-any",
        "10.0.0.0                 | ten",
        "10.0.255.255             | ten",
        "10.1.0.0                 | ten-one",
        "10.1.2.2                 | ten-one",
        "10.1.2.3                 | host",
        "::ffff:10.1.2.3          | host",
        "10.1.2.4                 | ten-one",
        "10.1.254.255             | ten-one",
        "10.1.255.0               | ten-one-top",
        "10.1.255.255             | ten-one-top",
        "10.2.0.0                 | ten-two",
        "10.3.255.255             | ten-two",
        "10.4.0.0                 | ten",
        "10.255.255.255           | ten",
        "11.0.0.0                 | v4-any",
        "255.255.255.254          | v4-any",
        "255.255.255.255          | broadcast",
        "2001:db8::               | doc",
        "2001:db8::1              | doc-host",
        "2001:db8::2              | doc",
        "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff | doc",
        "2001:db9::               | null",
        "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff | null",
        "::1                      | null",
        "::                       | null",
        "ffff::                   | top-v6",
        "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | top-v6",
        "fffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff | null",
        "garbage                  | null",
        "''                       | null"})
    void longestPrefixWins(String address, String expected) {
        assertEquals(expected, NESTED.lookup(address));
    }

    @Test
    void ipv6AnyCoversEverythingIpv4AnyOnlyIpv4() {
        CidrSet<Boolean> v6 = CidrSet.parse("::/0");
        assertTrue(v6.contains("::"));
        assertTrue(v6.contains("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
        assertTrue(v6.contains("1.2.3.4"));
        CidrSet<Boolean> v4 = CidrSet.parse("0.0.0.0/0");
        assertTrue(v4.contains("0.0.0.0"));
        assertTrue(v4.contains("255.255.255.255"));
        assertFalse(v4.contains("::1"));
        assertFalse(v4.contains("::fffe:ffff:ffff")); // just below the IPv4-mapped range
        assertFalse(v4.contains("::1:0:0:0")); // just above it
    }

    @Test
    void hostRoutesAtBothEndsOfTheSpace() {
        CidrSet<String> s = CidrSet.<String>builder()
                .add(IpNetwork.parse("::/128"), "first")
                .add(IpNetwork.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"), "last")
                .add(IpNetwork.parse("::/0"), "any")
                .build();
        assertEquals("first", s.lookup("::"));
        assertEquals("any", s.lookup("::1"));
        assertEquals("last", s.lookup("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
        assertEquals("any", s.lookup("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe"));
        assertEquals(3, s.size());
    }

    @Test
    void overlappingAndDuplicateEntries() {
        CidrSet<String> s = CidrSet.<String>builder()
                .onDuplicate((a, b) -> a + "+" + b)
                .add(IpNetwork.parse("192.168.0.0/16"), "a")
                .add(IpNetwork.parse("192.168.0.0/16"), "b")
                .add(IpNetwork.parse("192.168.1.7"), "h")
                .add(IpNetwork.parse("192.168.1.7/32"), "h2")
                .add(IpNetwork.parse("192.168.1.0/24"), "c")
                .build();
        assertEquals("a+b", s.lookup("192.168.200.1"));
        assertEquals("c", s.lookup("192.168.1.8"));
        assertEquals("h+h2", s.lookup("192.168.1.7"));
        assertEquals(3, s.size());
    }

    @Test
    void hostBitsAreCleared() {
        assertEquals("10.1.0.0/16", IpNetwork.parse("10.1.2.3/16").toString());
        assertEquals("2001:db8::/32", IpNetwork.parse("2001:db8:1::5/32").toString());
        assertTrue(CidrSet.parse("10.1.2.3/16").contains("10.1.200.200"));
    }

    @Test
    void adjacentNetworksWithOneValueMerge() {
        CidrSet<Boolean> s = CidrSet.parse("10.0.0.0/25", "10.0.0.128/25", "10.0.1.0/24");
        assertEquals(3, s.size());
        assertEquals(1, s.rangeCount());
        assertTrue(s.contains("10.0.1.255"));
        assertFalse(s.contains("10.0.2.0"));
    }

    @Test
    void invalidNetworksAreRejected() {
        for (String bad : List.of("10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0/8", "x/8", "10.0.0.0/-1", "1::2::3/64")) {
            assertThrows(IllegalArgumentException.class, () -> CidrSet.parse(bad), bad);
            assertNull(IpNetwork.parseOrNull(bad), bad);
        }
    }

    @Test
    void emptySetMatchesNothing() {
        CidrSet<Boolean> s = CidrSet.<Boolean>builder().build();
        assertTrue(s.isEmpty());
        assertFalse(s.contains("1.2.3.4"));
        assertFalse(s.contains("::"));
    }

    /** Brute force: the answer is the value of the longest network containing the address. */
    @Property(tries = 200)
    void agreesWithLinearLongestPrefixMatch(@ForAll("networks") @Size(min = 1, max = 40) List<IpNetwork> networks,
            @ForAll long seed) {
        CidrSet.Builder<Integer> b = CidrSet.builder();
        for (int i = 0; i < networks.size(); i++) {
            b.add(networks.get(i), i);
        }
        CidrSet<Integer> set = b.build();
        Random random = new Random(seed);
        List<IpAddress> probes = new ArrayList<>();
        for (IpNetwork n : networks) {
            probes.add(n.address());
            probes.add(n.last());
            IpAddress before = minusOne(n.address());
            if (before != null) {
                probes.add(before);
            }
            probes.add(new IpAddress(n.address().high(), n.address().low() ^ random.nextLong() & 0xFFL));
        }
        for (IpAddress a : probes) {
            Integer expected = null;
            for (int i = 0; i < networks.size(); i++) {
                IpNetwork n = networks.get(i);
                if (n.contains(a) && (expected == null || n.prefixLength() >= networks.get(expected).prefixLength())) {
                    expected = i; // on a tie (a duplicate network) the later value wins, as the builder's default
                }
            }
            Integer actual = set.lookup(a);
            if (expected == null) {
                assertNull(actual, a::toString);
            } else {
                assertEquals(expected, actual, a::toString);
            }
        }
    }

    /** Large enough sets use the IPv4 /16 index; it must agree with a linear scan everywhere. */
    @Test
    void indexedLookupAgreesWithLinearScanOnLargeSets() {
        Random random = new Random(7);
        List<IpNetwork> networks = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            int base = switch (i % 4) {
                case 0 -> random.nextInt();                         // anywhere
                case 1 -> 0x0A00_0000 | random.nextInt(1 << 20);    // crowded 10.0/12
                case 2 -> 0xFFFF_0000 | random.nextInt(1 << 16);    // the top /16 block
                default -> random.nextInt(1 << 16);                 // the bottom /16 block
            };
            networks.add(new IpNetwork(IpAddress.ofIpv4(base), 96 + 8 + random.nextInt(25)));
        }
        networks.add(IpNetwork.parse("2001:db8::/32"));
        CidrSet.Builder<Integer> b = CidrSet.builder();
        for (int i = 0; i < networks.size(); i++) {
            b.add(networks.get(i), i);
        }
        CidrSet<Integer> set = b.build();
        assertTrue(set.rangeCount() >= 64, "large enough for the index");
        List<IpAddress> probes = new ArrayList<>();
        for (IpNetwork n : networks) {
            probes.add(n.address());
            probes.add(n.last());
            IpAddress before = minusOne(n.address());
            if (before != null) {
                probes.add(before);
            }
        }
        for (int i = 0; i < 3000; i++) {
            probes.add(IpAddress.ofIpv4(random.nextInt()));
        }
        probes.add(IpAddress.ofIpv4(0));
        probes.add(IpAddress.ofIpv4(-1));
        for (IpAddress a : probes) {
            Integer expected = null;
            for (int i = 0; i < networks.size(); i++) {
                IpNetwork n = networks.get(i);
                if (n.contains(a) && (expected == null || n.prefixLength() >= networks.get(expected).prefixLength())) {
                    expected = i;
                }
            }
            assertEquals(expected, set.lookup(a), a::toString);
        }
    }

    private static IpAddress minusOne(IpAddress a) {
        if (a.high() == 0 && a.low() == 0) {
            return null;
        }
        long low = a.low() - 1;
        long high = a.low() == 0 ? a.high() - 1 : a.high();
        return new IpAddress(high, low);
    }

    @Provide
    Arbitrary<List<IpNetwork>> networks() {
        // A narrow space (10.0.x.y and one IPv6 /112) so that networks nest and overlap often.
        Arbitrary<IpNetwork> v4 = Arbitraries.integers().between(0, 0xFFFF).flatMap(host ->
                Arbitraries.integers().between(16, 32).map(p -> new IpNetwork(
                        IpAddress.ofIpv4(0x0A00_0000 | host), 96 + p)));
        Arbitrary<IpNetwork> v6 = Arbitraries.integers().between(0, 0xFFFF).flatMap(host ->
                Arbitraries.integers().between(104, 128).map(p -> new IpNetwork(
                        new IpAddress(0x2001_0db8_0000_0000L, host), p)));
        return Arbitraries.oneOf(v4, v6).list();
    }
}
