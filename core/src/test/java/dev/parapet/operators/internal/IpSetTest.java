package dev.parapet.operators.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parapet.seclang.SecLangException;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpSetTest {

    @ParameterizedTest(name = "{0} contains {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1          | 127.0.0.1                | true",
        "127.0.0.1          | 127.0.0.2                | false",
        "127.0.0.1          | ::ffff:127.0.0.1         | true",
        "127.0.0.1          | ::ffff:7f00:1            | true",
        "::ffff:10.0.0.0/104| 10.1.2.3                 | true",
        "::ffff:10.0.0.0/104| 11.1.2.3                 | false",
        "::1                | ::1                      | true",
        "::1                | 0:0:0:0:0:0:0:1          | true",
        "::1                | ::2                      | false",
        "::1                | 127.0.0.1                | false",
        "0.0.0.0/0          | 255.255.255.255          | true",
        "0.0.0.0/0          | 1.2.3.4                  | true",
        "0.0.0.0/0          | 2001:db8::1              | false",
        "::/0               | 2001:db8::1              | true",
        "::/0               | 1.2.3.4                  | true",
        "10.0.0.0/8         | 10.255.255.255           | true",
        "10.0.0.0/8         | 11.0.0.0                 | false",
        "10.0.0.5/32        | 10.0.0.5                 | true",
        "10.0.0.5/32        | 10.0.0.4                 | false",
        "10.0.0.5/31        | 10.0.0.4                 | true",
        "192.168.1.0/24     | 192.168.1.77             | true",
        "192.168.1.0/24     | 192.168.2.1              | false",
        "2001:db8::/32      | 2001:db8:ffff::1         | true",
        "2001:db8::/32      | 2001:db9::1              | false",
        "2001:db8::1/128    | 2001:db8::1              | true",
        "2001:db8::1/128    | 2001:db8::2              | false",
        "2001:db8::/65      | 2001:db8::7fff:0:0:1     | true",
        "2001:db8::/65      | 2001:db8::8000:0:0:1     | false",
        "1:2:3:4:5:6:7:8    | 1:2:3:4:5:6:7:8          | true",
        "fe80::             | FE80:0::0                | true",
        "127.0.0.1          | ''                       | false",
        "127.0.0.1          | localhost                | false",
        "127.0.0.1          | 127.0.0.1 x              | false",
        "127.0.0.1          | 127.000.000.001          | false",
        "127.0.0.1          | 127.0.0.1/32             | false",
        "::1                | :::1                     | false",
        "::1                | 1::2::3                  | false"})
    void containment(String entry, String input, boolean expected) {
        assertEquals(expected, IpSet.parse(List.of(entry)).contains(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.1", "1.2.3", "1.2.3.4.5", "1.2.3.4/33", "1.2.3.4/", "1.2.3.4/x",
        "::1/129", "1::2::3", "12345::", "example.com", "1.2.3.4/-1", "1:2:3:4:5:6:7:8:9", "::ffff:1.2.3"})
    void invalidEntriesAreLoadErrors(String entry) {
        assertThrows(SecLangException.class, () -> IpSet.parse(List.of(entry)));
    }

    @Property(tries = 300)
    void everyIpv4AddressIsInsideItsOwnNetworks(@ForAll int address, @ForAll("prefixes") int prefix) {
        String text = dotted(address);
        IpSet set = IpSet.parse(List.of(text + "/" + prefix));
        assertEquals(true, set.contains(text));
        assertEquals(true, set.contains("::ffff:" + text));
        if (prefix < 32) { // first host bit: still inside
            assertEquals(true, set.contains(dotted(address ^ (1 << (31 - prefix)))));
        }
        if (prefix > 0) { // last network bit: outside
            assertEquals(false, set.contains(dotted(address ^ (1 << (32 - prefix)))));
        }
    }

    private static String dotted(int a) {
        return (a >>> 24) + "." + (a >>> 16 & 255) + "." + (a >>> 8 & 255) + "." + (a & 255);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> prefixes() {
        return net.jqwik.api.Arbitraries.integers().between(0, 32);
    }

    @Property(tries = 200)
    void garbageInputNeverThrows(@ForAll String input) {
        IpSet.parse(List.of("10.0.0.0/8", "::1")).contains(input);
    }
}
