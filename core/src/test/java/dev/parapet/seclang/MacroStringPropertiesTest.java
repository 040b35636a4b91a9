package dev.parapet.seclang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of {@link MacroString}: parse never fails and expansion is compositional. */
class MacroStringPropertiesTest {

    /** A piece of a template: literal text (no {@code %}) or a macro reference. */
    record Piece(String literal, String collection, String key) {
        String written() {
            if (literal != null) {
                return literal;
            }
            return "%{" + collection + (key == null ? "" : "." + key) + "}";
        }

        String expected() {
            if (literal != null) {
                return literal;
            }
            return "<" + collection.toUpperCase(Locale.ROOT) + "/" + key + ">";
        }
    }

    @Provide
    Arbitrary<Piece> pieces() {
        Arbitrary<Piece> literal = Arbitraries.strings().all().excludeChars('%').ofMaxLength(12)
                .map(s -> new Piece(s, null, null));
        Arbitrary<String> collection = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withChars('_').ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> key = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
                .withChars('_', '-', '.').ofMinLength(1).ofMaxLength(10).injectNull(0.3);
        Arbitrary<Piece> macro = Combinators.combine(collection, key).as((c, k) -> new Piece(null, c, k));
        return Arbitraries.oneOf(literal, macro);
    }

    @Property(tries = 500)
    void expansionIsTheConcatenationOfItsPieces(@ForAll("listOfPieces") List<Piece> pieces) {
        StringBuilder text = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (Piece p : pieces) {
            text.append(p.written());
            expected.append(p.expected());
        }
        MacroString m = MacroString.parse(text.toString());
        assertEquals(expected.toString(), m.expand((c, k) -> "<" + c + "/" + k + ">"));
        assertEquals(text.toString(), m.source());
    }

    @Provide
    Arbitrary<List<Piece>> listOfPieces() {
        return pieces().list().ofMaxSize(8);
    }

    /** Values of any length (empty, missing, far longer than the template) end up in place. */
    @Property(tries = 500)
    void expansionPlacesValuesOfAnyLength(@ForAll("listOfPieces") List<Piece> pieces,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 300) int valueLength) {
        StringBuilder text = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        String value = "x".repeat(valueLength);
        for (Piece p : pieces) {
            text.append(p.written());
            expected.append(p.literal() != null ? p.literal() : p.key() == null ? "" : value);
        }
        assertEquals(expected.toString(), MacroString.parse(text.toString())
                .expand((c, k) -> k == null ? null : value));
    }

    @Property(tries = 1000)
    void parseAndExpandNeverFail(@ForAll String text) {
        MacroString m = MacroString.parse(text);
        assertEquals(text, m.source());
        String expanded = m.expand((c, k) -> null);
        if (!m.hasMacros()) {
            assertEquals(text, expanded);
        }
    }

    @Property(tries = 500)
    void textWithoutMacroOpenerExpandsToItself(@ForAll String text) {
        String t = text.replace("%{", "%");
        assertEquals(t, MacroString.parse(t).expand((c, k) -> "X"));
    }

    @Property(tries = 500)
    void expandingWithEmptyValuesOnlyRemovesText(@ForAll("listOfPieces") List<Piece> pieces) {
        StringBuilder text = new StringBuilder();
        StringBuilder literals = new StringBuilder();
        for (Piece p : pieces) {
            text.append(p.written());
            if (p.literal() != null) {
                literals.append(p.literal());
            }
        }
        assertEquals(literals.toString(), MacroString.parse(text.toString()).expand((c, k) -> null));
    }
}
