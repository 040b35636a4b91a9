package dev.parapet.operators.libinjection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

class XssDetectorPropertiesTest {

    @Property(tries = 2000)
    void anyByteStringIsHandled(@ForAll @CharRange(from = 0, to = 255) @StringLength(max = 200) String input) {
        boolean anyContext = false;
        for (Html5Context context : Html5Context.values()) {
            anyContext |= XssDetector.isXss(input, context);
        }
        assertEquals(anyContext, XssDetector.isXss(input));
    }

    /** Biased towards markup so that every tokenizer state is reached. */
    @Property(tries = 3000)
    void markupLikeStringsAreHandled(
            @ForAll @Chars({'<', '>', '/', '!', '?', '%', '-', '=', '"', '\'', '`', ' ', '\0', '[', ']',
                    'a', 'o', 'n', 's', 'C', 'D', '&', '#', 'x', '1', ';', ':', '\n', (char) 0xFF})
            @StringLength(max = 60) String input) {
        XssDetector.isXss(input);
    }

    @Property(tries = 2000)
    void tokensStayInsideTheInputAndAreFewInNumber(
            @ForAll @Chars({'<', '>', '/', '!', '?', '%', '-', '=', '"', '\'', '`', ' ', '\0', '[', ']',
                    'a', 'D', 'O', 'C', 'T', 'Y', 'P', 'E', 'A'})
            @StringLength(max = 80) String input) {
        for (Html5Context context : Html5Context.values()) {
            Html5Tokenizer tokenizer = new Html5Tokenizer(input, context);
            int tokens = 0;
            while (tokenizer.next()) {
                tokens++;
                int start = tokenizer.tokenStart();
                int length = tokenizer.tokenLength();
                assertTrue(start >= 0 && length >= 0 && start + length <= input.length(),
                        "token " + start + "+" + length + " outside input of " + input.length());
                // every token but an empty value or a lone '<' consumes input: linear token count
                assertTrue(tokens <= 2 * input.length() + 2, "too many tokens for " + input.length() + " chars");
            }
        }
    }

    @Property(tries = 1000)
    void unknownAttributesNeverFlagInsideATag(
            @ForAll @CharRange(from = 'a', to = 'z') @StringLength(min = 1, max = 12) String name) {
        // a plain lowercase attribute with a harmless value is only flagged when it is on the list
        boolean listed = XssBlacklists.ATTRIBUTES.containsKey(name.toUpperCase())
                || (name.length() >= 5 && XssBlacklists.ATTRIBUTE_PREFIXES.contains(name.substring(0, 5).toUpperCase()))
                || (name.startsWith("on") && name.length() >= 5 && XssBlacklists.EVENTS.stream()
                        .anyMatch(e -> name.substring(2).toUpperCase().startsWith(e)));
        boolean url = XssBlacklists.ATTRIBUTES.get(name.toUpperCase()) == XssBlacklists.AttributeType.URL;
        assertEquals(listed && !url, XssDetector.isXss("<p " + name + "=\"1\">"));
    }
}
