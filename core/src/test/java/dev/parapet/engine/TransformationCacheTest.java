package dev.parapet.engine;

import static dev.parapet.engine.Exchange.get;
import static dev.parapet.engine.Exchange.ids;
import static dev.parapet.engine.Exchange.post;
import static dev.parapet.engine.Exchange.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The per-transaction transformation cache must never hand one pipeline the result of another: every
 * rule below reads the same value through a different pipeline (sharing prefixes, in different orders).
 */
class TransformationCacheTest {

    private static final Firewall PIPELINES = rules(
            "SecRule ARGS:q \"@unconditionalMatch\" \"id:1,phase:1,pass,t:none,setvar:'tx.raw=%{MATCHED_VAR}'\"",
            "SecRule ARGS:q \"@unconditionalMatch\" \"id:2,phase:1,pass,t:lowercase,setvar:'tx.l=%{MATCHED_VAR}'\"",
            "SecRule ARGS:q \"@unconditionalMatch\" \"id:3,phase:1,pass,t:lowercase,t:removeWhitespace,"
                    + "setvar:'tx.lw=%{MATCHED_VAR}'\"",
            "SecRule ARGS:q \"@unconditionalMatch\" \"id:4,phase:1,pass,t:removeWhitespace,setvar:'tx.w=%{MATCHED_VAR}'\"",
            "SecRule ARGS:q \"@unconditionalMatch\" \"id:5,phase:1,pass,t:removeWhitespace,t:lowercase,"
                    + "setvar:'tx.wl=%{MATCHED_VAR}'\"",
            "SecRule ARGS:q \"@unconditionalMatch\" \"id:6,phase:1,pass,t:lowercase,t:removeWhitespace,t:length,"
                    + "setvar:'tx.lwn=%{MATCHED_VAR}'\"",
            "SecRule ARGS:q \"@unconditionalMatch\" \"id:7,phase:1,pass,t:length,setvar:'tx.n=%{MATCHED_VAR}'\"",
            "SecRule ARGS:q \"@unconditionalMatch\" \"id:8,phase:1,pass,t:lowercase,t:none,t:uppercase,"
                    + "setvar:'tx.u=%{MATCHED_VAR}'\"",
            "SecRule ARGS:q \"@unconditionalMatch\" \"id:9,phase:1,pass,t:urlDecode,t:lowercase,"
                    + "setvar:'tx.dl=%{MATCHED_VAR}'\"",
            "SecRule ARGS:q \"@unconditionalMatch\" \"id:10,phase:1,pass,t:lowercase,t:urlDecode,"
                    + "setvar:'tx.ld=%{MATCHED_VAR}'\"");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // query value (URL-encoded in the request) | raw | l | lw | w | wl | lwn | n | u | dl | ld
        "A%20B%2541                | A B%41     | a b%41     | ab%41 | AB%41 | ab%41 | 5 | 6  | A B%41     | a ba   | a bA",
        "Hello%20World             | Hello World| hello world| helloworld | HelloWorld | helloworld | 10 | 11 | HELLO WORLD | hello world | hello world"})
    void eachPipelineSeesItsOwnResult(String query, String raw, String l, String lw, String w, String wl,
            String lwn, String n, String u, String dl, String ld) {
        Transaction tx = get("/?q=" + query).all(PIPELINES);
        assertEquals(raw, tx.tx("raw"));
        assertEquals(l, tx.tx("l"));
        assertEquals(lw, tx.tx("lw"));
        assertEquals(w, tx.tx("w"));
        assertEquals(wl, tx.tx("wl"));
        assertEquals(lwn, tx.tx("lwn"));
        assertEquals(n, tx.tx("n"));
        assertEquals(u, tx.tx("u"));
        assertEquals(dl, tx.tx("dl"));
        assertEquals(ld, tx.tx("ld"));
    }

    @Test
    void equalValuesInDifferentVariablesAndLaterChangesAreNotConfused() {
        Firewall fw = rules(
                "SecRule ARGS:a|ARGS:b \"@unconditionalMatch\" \"id:1,phase:1,pass,t:lowercase,"
                        + "setvar:'tx.ab=%{tx.ab}%{MATCHED_VAR};'\"",
                // TX:x changes between the two reads; the second read must see the new value
                "SecAction \"id:2,phase:1,pass,setvar:tx.x=ONE\"",
                "SecRule TX:x \"@unconditionalMatch\" \"id:3,phase:1,pass,t:lowercase,setvar:'tx.first=%{MATCHED_VAR}'\"",
                "SecAction \"id:4,phase:1,pass,setvar:tx.x=TWO\"",
                "SecRule TX:x \"@unconditionalMatch\" \"id:5,phase:1,pass,t:lowercase,setvar:'tx.second=%{MATCHED_VAR}'\"");
        Transaction tx = get("/?a=SAME&b=SAME").all(fw);
        assertEquals("same;same;", tx.tx("ab"));
        assertEquals("one", tx.tx("first"));
        assertEquals("two", tx.tx("second"));
    }

    @Test
    void cacheDoesNotLeakBetweenTransactions() {
        Transaction a = get("/?q=AAA").all(PIPELINES);
        Transaction b = get("/?q=BBB").all(PIPELINES);
        assertEquals("aaa", a.tx("l"));
        assertEquals("bbb", b.tx("l"));
    }

    /**
     * The engine rules out a whole collection when no value of it, after the rule's transformations, holds a
     * literal the regex needs. That must see values only a transformation reveals, values added later in the
     * transaction (the body's arguments in phase 2), and must not let a negated rule miss its match.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "/?a=plain&b=text        | a=more          | ''",
        "/?a=plain&b=%253Cscript | a=more          | 1",
        "/?a=plain&b=text        | c=%3Cscript%3E  | 2 5",
        "/?a=plain&b=%3Cscript   | a=more          | 1 3 2 5",
        "/?a=plain&b=%3CSCRIPT   | a=more          | 1 2"})
    void collectionScreenSeesDecodedAndLaterValues(String uri, String body, String expected) {
        Firewall fw = rules(
                "SecRule ARGS \"@rx <script\" \"id:1,phase:1,pass,t:urlDecode,t:lowercase\"",
                "SecRule ARGS \"@rx <script\" \"id:2,phase:2,pass,t:lowercase\"",
                "SecRule ARGS \"@rx <script\" \"id:3,phase:1,pass\"",
                "SecRule ARGS_NAMES \"!@rx <script\" \"id:4,phase:2,pass,t:lowercase\"",
                // the same (empty) pipeline as rule 3, after the body added arguments
                "SecRule ARGS \"@rx <script\" \"id:5,phase:2,pass\"");
        Transaction tx = post(uri, "application/x-www-form-urlencoded", body).all(fw);
        List<Integer> matched = ids(tx).stream().filter(id -> id != 4).toList();
        assertEquals(expected.isEmpty() ? List.of() : java.util.Arrays.stream(expected.split(" "))
                .map(Integer::valueOf).toList(), matched);
        assertEquals(true, ids(tx).contains(4), "negated rule matches values without the literal");
    }
}
