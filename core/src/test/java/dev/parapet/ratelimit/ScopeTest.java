package dev.parapet.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parapet.ip.IpAddress;
import dev.parapet.seclang.SecLangException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTest {

    private static final GuardedRequest REQUEST = new GuardedRequest(new TrafficGuardTest.FakeRequest(
            Map.of("user-agent", "curl/8.1", "x-tenant", "acme"), Map.of("session", "s1"), Map.of("user", "alice")),
            IpAddress.parseOrNull("198.51.100.7"));

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "REQUEST_HEADERS:User-Agent | @rx ^curl/       |              | true",
        "REQUEST_HEADERS:User-Agent | CURL             |              | false",
        "REQUEST_HEADERS:User-Agent | CURL             | t:uppercase  | true",
        "request_headers:user-agent | @contains url    |              | true",
        "REQUEST_HEADERS:User-Agent | !@rx ^curl/      |              | false",
        "REQUEST_HEADERS:Referer    | @rx .*           |              | false",
        "REQUEST_HEADERS:Referer    | !@rx .*          |              | false",
        "REQUEST_METHOD             | @streq GET       |              | true",
        "REQUEST_METHOD             | @pm POST PUT     |              | false",
        "REQUEST_FILENAME           | @beginsWith /log |              | true",
        "REQUEST_COOKIES:session    | @streq s1        |              | true",
        "ARGS_GET:user              | @pm alice bob    |              | true",
        "ARGS_GET:nobody            | @rx .*           |              | false",
        "CLIENT_IP                  | @ipMatch 198.51.100.0/24 |      | true",
        "REMOTE_USER                | @rx .*           |              | false"})
    void conditions(String variable, String operator, String transformation, boolean expected) {
        Scope s = transformation == null ? Scope.secLang(variable, operator)
                : Scope.secLang(variable, operator, transformation);
        assertEquals(expected, s.test(REQUEST));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ARGS_POST:x|@rx a", "REQUEST_BODY|@rx a", "REQUEST_HEADERS|@rx a", "REQUEST_METHOD:x|@rx a",
        "REQUEST_METHOD|@nosuch a", "REQUEST_METHOD|@rx (", "REQUEST_METHOD|@rx a|t:nosuch"})
    void invalidConditionsFailWhenBuilt(String spec) {
        String[] p = spec.split("\\|");
        assertThrows(SecLangException.class, () -> Scope.secLang(p[0], p[1], p.length > 2 ? p[2] : "t:none"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"GET | /login | true", "get | /login | true", "POST | /login | false",
        "GET | /other | false"})
    void combinators(String method, String path, boolean expected) {
        Scope s = Scope.methods(method).and(Scope.pathPrefix(path));
        assertEquals(expected, s.test(REQUEST));
        assertEquals(!expected, s.negate().test(REQUEST));
        assertEquals(true, s.or(Scope.all()).test(REQUEST));
    }
}
