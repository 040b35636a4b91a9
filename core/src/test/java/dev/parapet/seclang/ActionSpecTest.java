package dev.parapet.seclang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Splitting a rule's action list: commas outside single quotes, {@code \'} inside them. */
class ActionSpecTest {

    /** Actions written as {@code name} or {@code name=value} ({@code name=} for an empty value). */
    private static List<ActionSpec> specs(String... written) {
        List<ActionSpec> out = new ArrayList<>();
        for (String w : written) {
            int eq = w.indexOf('=');
            out.add(eq < 0 ? new ActionSpec(w, null) : new ActionSpec(w.substring(0, eq), w.substring(eq + 1)));
        }
        return out;
    }

    static Stream<Arguments> lists() {
        return Stream.of(
                Arguments.of("", specs()),
                Arguments.of("deny", specs("deny")),
                Arguments.of("id:1,phase:2,deny", specs("id=1", "phase=2", "deny")),
                Arguments.of(" id:1 ,  phase:2 ,deny ", specs("id=1", "phase=2", "deny")),
                // continued lines leave runs of whitespace between actions
                Arguments.of("id:1,\n    phase:2,\t\tnolog", specs("id=1", "phase=2", "nolog")),
                Arguments.of(",,id:1,,", specs("id=1")),
                Arguments.of("msg:'a, b: c'", specs("msg=a, b: c")),
                Arguments.of("msg:'it\\'s'", specs("msg=it's")),
                Arguments.of("msg:'a\\b'", specs("msg=a\\b")),
                Arguments.of("msg: 'spaced' ", specs("msg=spaced")),
                Arguments.of("msg:  plain  ", specs("msg=plain")),
                Arguments.of("msg:''", specs("msg=")),
                Arguments.of("msg:", specs("msg=")),
                Arguments.of("setvar:'tx.score=+%{tx.critical}'", specs("setvar=tx.score=+%{tx.critical}")),
                Arguments.of("setvar:tx.a=1,setvar:!tx.b", specs("setvar=tx.a=1", "setvar=!tx.b")),
                // only the first colon separates name and value
                Arguments.of("ctl:ruleRemoveTargetById=942100;ARGS:pwd",
                        specs("ctl=ruleRemoveTargetById=942100;ARGS:pwd")),
                Arguments.of("logdata:'Matched Data: %{TX.0} found within %{MATCHED_VAR_NAME}: %{MATCHED_VAR}'",
                        specs("logdata=Matched Data: %{TX.0} found within %{MATCHED_VAR_NAME}: %{MATCHED_VAR}")),
                Arguments.of("tag:'OWASP_CRS',Phase:1,T:none", specs("tag=OWASP_CRS", "Phase=1", "T=none")),
                // a quote that does not start the value is part of it
                Arguments.of("msg:a'b", specs("msg=a'b")),
                Arguments.of("redirect:http://example.com/x?a=1", specs("redirect=http://example.com/x?a=1")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("lists")
    void parses(String text, List<ActionSpec> expected) {
        assertEquals(expected, ActionSpec.parseList(text));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("id:1,msg:'open", "unterminated single quote", "msg"),
                Arguments.of("msg:'it\\'", "unterminated single quote", "msg"),
                Arguments.of("msg:'a'b,id:1", "unexpected text after quoted value", "msg"),
                Arguments.of("id:1,:x", "empty action name", ":x"),
                Arguments.of(" :", "empty action name", ":"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformed")
    void rejects(String text, String reason, String token) {
        SecLangException e = assertThrows(SecLangException.class, () -> ActionSpec.parseList(text));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.getMessage().contains(token), e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("lists")
    void toStringParsesBackToTheSameNamesAndValues(String text, List<ActionSpec> expected) {
        for (ActionSpec spec : expected) {
            if (spec.value() == null || (spec.value().indexOf(',') < 0 && spec.value().indexOf('\'') < 0
                    && spec.value().equals(spec.value().strip()) && !spec.value().isEmpty())) {
                assertEquals(List.of(spec), ActionSpec.parseList(spec.toString()));
            }
        }
    }
}
