package dev.parapet.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientIpResolverTest {

    private static final ClientIpResolver XFF = ClientIpResolver.builder()
            .trustedProxies("10.0.0.0/8", "2001:db8:ffff::/48")
            .header(ClientIpResolver.Header.X_FORWARDED_FOR)
            .build();

    private static final ClientIpResolver FORWARDED = ClientIpResolver.builder()
            .trustedProxies("10.0.0.0/8", "2001:db8:ffff::/48")
            .header(ClientIpResolver.Header.FORWARDED)
            .build();

    /** Header values are separated by '|' within the column ("" = no header). */
    @ParameterizedTest(name = "[{index}] peer {0}, XFF [{1}] -> {2}")
    @CsvSource(delimiter = '!', value = {
        // Untrusted peer: headers are ignored whatever they say.
        "203.0.113.5 ! 1.1.1.1                         ! 203.0.113.5",
        "203.0.113.5 !                                 ! 203.0.113.5",
        // Trusted peer: the rightmost untrusted hop is the client.
        "10.0.0.1    ! 198.51.100.7                    ! 198.51.100.7",
        "10.0.0.1    ! 198.51.100.7, 10.0.0.2          ! 198.51.100.7",
        "10.0.0.1    ! 198.51.100.7,10.0.0.2,10.0.0.3  ! 198.51.100.7",
        // Spoofed chains: whatever the client put on the left is not believed.
        "10.0.0.1    ! 1.2.3.4, 198.51.100.7           ! 198.51.100.7",
        "10.0.0.1    ! 10.9.9.9, 198.51.100.7          ! 198.51.100.7",
        "10.0.0.1    ! 127.0.0.1, 198.51.100.7, 10.0.0.2 ! 198.51.100.7",
        "10.0.0.1    ! 1.2.3.4 | 198.51.100.7          ! 198.51.100.7",
        "10.0.0.1    ! garbage, 198.51.100.7           ! 198.51.100.7",
        "10.0.0.1    ! <script>, 198.51.100.7          ! 198.51.100.7",
        // Every hop trusted: the leftmost is as far as we can see.
        "10.0.0.1    ! 10.0.0.9, 10.0.0.2              ! 10.0.0.9",
        // Invalid hop right behind a trusted proxy: stop at the last trusted address.
        "10.0.0.1    ! unknown                         ! 10.0.0.1",
        "10.0.0.1    ! 198.51.100.7, garbage           ! 10.0.0.1",
        "10.0.0.1    ! 198.51.100.7, garbage, 10.0.0.2 ! 10.0.0.2",
        "10.0.0.1    ! ''                              ! 10.0.0.1",
        "10.0.0.1    ! 1.2.3.4,                        ! 10.0.0.1",
        "10.0.0.1    ! 300.1.1.1                       ! 10.0.0.1",
        "10.0.0.1    ! 01.2.3.4                        ! 10.0.0.1",
        // Ports and brackets that some proxies write.
        "10.0.0.1    ! 198.51.100.7:4711               ! 198.51.100.7",
        "10.0.0.1    ! [2001:db8::7]:4711              ! 2001:db8::7",
        "10.0.0.1    ! [2001:db8::7]                   ! 2001:db8::7",
        "10.0.0.1    ! 2001:db8::7                     ! 2001:db8::7",
        "10.0.0.1    ! [2001:db8::7]x                  ! 10.0.0.1",
        "10.0.0.1    ! 198.51.100.7:99999              ! 10.0.0.1",
        // IPv6 and IPv4-mapped peers and hops.
        "2001:db8:ffff::1 ! 2001:db8::7                ! 2001:db8::7",
        "::ffff:10.0.0.1  ! 198.51.100.7               ! 198.51.100.7",
        "10.0.0.1    ! ::ffff:198.51.100.7             ! 198.51.100.7",
        "[2001:db8:ffff::1] ! 2001:db8::7              ! 2001:db8::7",
        "2001:db8:fffe::1 ! 2001:db8::7                ! 2001:db8:fffe::1"})
    void xForwardedFor(String peer, String header, String expected) {
        assertEquals(expected, String.valueOf(XFF.resolve(peer, values(header))));
    }

    @ParameterizedTest(name = "[{index}] peer {0}, Forwarded [{1}] -> {2}")
    @CsvSource(delimiter = '!', value = {
        "10.0.0.1 ! for=198.51.100.7                                  ! 198.51.100.7",
        "10.0.0.1 ! for=198.51.100.7;proto=https;by=10.0.0.1          ! 198.51.100.7",
        "10.0.0.1 ! FOR=198.51.100.7                                  ! 198.51.100.7",
        "10.0.0.1 ! for=\"198.51.100.7:4711\"                         ! 198.51.100.7",
        "10.0.0.1 ! for=\"[2001:db8:cafe::17]:4711\"                  ! 2001:db8:cafe::17",
        "10.0.0.1 ! for=1.2.3.4, for=198.51.100.7                     ! 198.51.100.7",
        "10.0.0.1 ! for=1.2.3.4 | for=198.51.100.7;proto=http         ! 198.51.100.7",
        "10.0.0.1 ! for=198.51.100.7, for=10.0.0.2                    ! 198.51.100.7",
        "10.0.0.1 ! for=unknown                                       ! 10.0.0.1",
        "10.0.0.1 ! for=_hidden, for=10.0.0.2                         ! 10.0.0.2",
        "10.0.0.1 ! proto=https                                       ! 10.0.0.1",
        "10.0.0.1 ! for=\"1.2.3.4,5.6.7.8\"                           ! 10.0.0.1",
        "10.0.0.1 ! for=1.2.3.4, for=\"a,b\", for=198.51.100.7        ! 198.51.100.7",
        "203.0.113.5 ! for=198.51.100.7                               ! 203.0.113.5"})
    void forwarded(String peer, String header, String expected) {
        assertEquals(expected, String.valueOf(FORWARDED.resolve(peer, values(header))));
    }

    @Test
    void invalidValuesAreCounted() {
        ClientIpResolver r = ClientIpResolver.builder().trustedProxies("10.0.0.0/8").build();
        r.resolve("10.0.0.1", List.of("nonsense"));
        r.resolve("10.0.0.1", List.of("198.51.100.7"));
        r.resolve("10.0.0.1", List.of("1.2.3.4, ???"));
        assertEquals(2, r.invalidValues());
    }

    @Test
    void invalidPeerGivesNoAddress() {
        assertNull(XFF.resolve("", List.of("1.2.3.4")));
        assertNull(XFF.resolve(null, List.of()));
        assertNull(XFF.resolve("unix:/tmp/socket", List.of()));
    }

    @Test
    void directResolverIgnoresHeaders() {
        assertEquals("10.0.0.1", ClientIpResolver.direct().resolve("10.0.0.1", List.of("1.2.3.4")).toString());
    }

    @Test
    void customHeaderIsReadOnlyFromTrustedProxies() {
        ClientIpResolver r = ClientIpResolver.builder().trustedProxies("10.0.0.0/8").header("X-Real-IP").build();
        assertEquals("x-real-ip", r.headerName());
        assertEquals("198.51.100.7", r.resolve("10.0.0.1", List.of("198.51.100.7")).toString());
        assertEquals("203.0.113.5", r.resolve("203.0.113.5", List.of("198.51.100.7")).toString());
    }

    @Test
    void longChainsAreReadFromTheRightOnly() {
        String chain = "198.51.100.1, ".repeat(5000) + "198.51.100.7, 10.0.0.2";
        assertEquals("198.51.100.7", XFF.resolve("10.0.0.1", List.of(chain)).toString());
        ClientIpResolver twoHops = ClientIpResolver.builder().trustedProxies("10.0.0.0/8").maxHops(2).build();
        assertEquals("10.0.0.3", twoHops.resolve("10.0.0.1", List.of("198.51.100.7, 10.0.0.3, 10.0.0.2")).toString());
    }

    private static List<String> values(String column) {
        if (column == null || column.isEmpty()) {
            return column == null ? List.of() : List.of("");
        }
        return Arrays.stream(column.split("\\|")).map(String::strip).toList();
    }
}
