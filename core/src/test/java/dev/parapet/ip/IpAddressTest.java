package dev.parapet.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "1.2.3.4                         | 1.2.3.4",
        "0.0.0.0                         | 0.0.0.0",
        "255.255.255.255                 | 255.255.255.255",
        "::ffff:1.2.3.4                  | 1.2.3.4",
        "::FFFF:0102:0304                | 1.2.3.4",
        "::                              | ::",
        "::1                             | ::1",
        "2001:DB8:0:0:0:0:0:1            | 2001:db8::1",
        "2001:db8:0:1:0:0:0:1            | 2001:db8:0:1::1",
        "2001:0:0:1:0:0:0:1              | 2001:0:0:1::1",
        "2001:db8:0:0:1:0:0:1            | 2001:db8::1:0:0:1",
        "2001:db8::1:0                   | 2001:db8::1:0",
        "1:0:2:0:3:0:4:0                 | 1:0:2:0:3:0:4:0",
        "fe80::1:2.3.4.5                 | fe80::1:203:405",
        "::1.2.3.4                       | ::102:304"})
    void canonicalForm(String input, String expected) {
        assertEquals(expected, IpAddress.parseOrNull(input).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "01.2.3.4", "256.1.1.1", "1.2.3.-4", " 1.2.3.4",
        "1.2.3.4 ", "::1%eth0", "[::1]", "1::2::3", ":::", "12345::", "::g", "1:2:3:4:5:6:7:8:9",
        "::ffff:1.2.3", "1.2.3.4:80", "localhost", "::1/128"})
    void malformedAddressesAreNull(String input) {
        assertNull(IpAddress.parseOrNull(input));
    }

    @Property(tries = 500)
    void canonicalTextRoundTrips(@ForAll long high, @ForAll long low) {
        IpAddress a = new IpAddress(high, low);
        assertEquals(a, IpAddress.parseOrNull(a.toString()));
    }

    @Property(tries = 500)
    void ipv4RoundTrips(@ForAll int v4) {
        IpAddress a = IpAddress.ofIpv4(v4);
        assertTrue(a.isIpv4());
        assertEquals(a, IpAddress.parseOrNull(a.toString()));
    }

    @Property(tries = 300)
    void garbageNeverThrows(@ForAll String input) {
        IpAddress.parseOrNull(input);
        IpNetwork.parseOrNull(input);
    }

    @ParameterizedTest(name = "{0} /{1} /{2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "203.0.113.77        | 24 | 64 | 203.0.113.0",
        "203.0.113.77        | 32 | 64 | 203.0.113.77",
        "203.0.113.77        | 0  | 64 | 0.0.0.0",
        "2001:db8:1:2:3:4:5:6| 24 | 64 | 2001:db8:1:2::",
        "2001:db8:1:2:3:4:5:6| 24 | 48 | 2001:db8:1::",
        "2001:db8:1:2:3:4:5:6| 24 | 128| 2001:db8:1:2:3:4:5:6"})
    void networkOfAnAddress(String address, int v4, int v6, String expected) {
        assertEquals(expected, IpAddress.parseOrNull(address).network(v4, v6).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"10.0.0.0/8 | 10.255.255.255", "::/0 | ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
        "2001:db8::/64 | 2001:db8::ffff:ffff:ffff:ffff", "1.2.3.4/32 | 1.2.3.4", "0.0.0.0/0 | 255.255.255.255",
        "2001:db8::/65 | 2001:db8::7fff:ffff:ffff:ffff"})
    void lastAddressOfANetwork(String network, String last) {
        IpNetwork n = IpNetwork.parse(network);
        assertEquals(last, n.last().toString());
        assertTrue(n.contains(n.last()));
        assertTrue(n.contains(n.address()));
    }
}
