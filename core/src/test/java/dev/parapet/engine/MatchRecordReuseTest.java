package dev.parapet.engine;

import static dev.parapet.engine.Exchange.get;
import static dev.parapet.engine.Exchange.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/**
 * A nolog rule that matches the same short value under the same name in every request (CRS's paranoia-level
 * and setup rules) hands out one immutable match record instead of a new one per request; anything that
 * differs gets its own record, and long values are never kept beyond their request.
 */
class MatchRecordReuseTest {

    private static final Firewall FW = rules(
            "SecRule ARGS \"@rx ^\\d+$\" \"id:1,phase:1,pass,nolog,msg:'a number'\"",
            "SecRule ARGS \"@rx ^\\d+$\" \"id:4,phase:1,pass,nolog,msg:'number %{MATCHED_VAR} %{REQUEST_HEADERS.x-secret}'\"",
            "SecRule ARGS \"@rx ^x+$\" \"id:2,phase:1,pass,nolog\"",
            "SecRule ARGS \"@rx ^\\d+$\" \"id:3,phase:1,pass,log\"");

    private static MatchedRule match(Transaction tx, int id) {
        return tx.matchedRules().stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    @Test
    void identicalNologMatchesShareOneRecord() {
        MatchedRule first = match(get("/?a=7").all(FW), 1);
        MatchedRule second = match(get("/?a=7").all(FW), 1);
        assertSame(first, second);
        assertEquals("ARGS:a", second.matchedVariable());
        assertEquals("7", second.matchedValue());
        assertEquals("a number", second.message());
    }

    @Test
    void messagesWithMacrosAreNeverShared() {
        MatchedRule first = match(get("/?a=7").header("X-Secret", "s3cr3t").all(FW), 4);
        MatchedRule second = match(get("/?a=7").header("X-Secret", "s3cr3t").all(FW), 4);
        assertEquals("number 7 s3cr3t", second.message());
        assertNotSame(first, second, "a message may carry request data: it must not outlive its request");
    }

    @Test
    void anyDifferenceGetsItsOwnRecord() {
        MatchedRule a7 = match(get("/?a=7").all(FW), 1);
        MatchedRule a8 = match(get("/?a=8").all(FW), 1);
        assertEquals("8", a8.matchedValue());
        MatchedRule b8 = match(get("/?b=8").all(FW), 1);
        assertEquals("ARGS:b", b8.matchedVariable(), "same value, other variable");
        MatchedRule ab8 = match(get("/?ab=8").all(FW), 1);
        assertEquals("ARGS:ab", ab8.matchedVariable());
        assertNotSame(a7, a8);
    }

    @Test
    void longValuesAndLoggedRulesAreNeverShared() {
        String xs = "x".repeat(40);
        MatchedRule first = match(get("/?a=" + xs).all(FW), 2);
        MatchedRule second = match(get("/?a=" + xs).all(FW), 2);
        assertEquals(xs, second.matchedValue());
        assertNotSame(first, second, "a long value must not outlive its request in a shared record");
        Transaction one = get("/?a=7").all(FW);
        Transaction two = get("/?a=7").all(FW);
        assertNotSame(match(one, 3), match(two, 3));
        assertEquals(one.id(), match(one, 3).errorLogLine().replaceAll(".*\\[unique_id \"([^\"]*)\"\\].*", "$1"));
    }
}
