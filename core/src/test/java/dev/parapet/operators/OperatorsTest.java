package dev.parapet.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.seclang.SecLangException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Table-driven operator tests. Rows marked "slt" come from ModSecurity's secrules-language-tests
 * (github.com/owasp-modsecurity/secrules-language-tests, operators/*.json, Apache-2.0).
 */
class OperatorsTest {

    static boolean eval(String name, String argument, String input) {
        return eval(name, argument, input, FakeContext.plain());
    }

    static boolean eval(String name, String argument, String input, FakeContext context) {
        Operator op = OperatorRegistry.lookup(name).orElseThrow().create(OperatorArgs.of(name, argument));
        return op.evaluate(context, input);
    }

    /** CSV cannot hold control bytes; {@code \xHH} in a cell becomes that byte. */
    static String bytes(String cell) {
        if (cell == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cell.length(); i++) {
            if (cell.startsWith("\\x", i) && i + 4 <= cell.length()) {
                out.append((char) Integer.parseInt(cell.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                out.append(cell.charAt(i));
            }
        }
        return out.toString();
    }

    @ParameterizedTest(name = "@{0} \"{1}\" on \"{2}\" -> {3}")
    @CsvSource(delimiter = '|', nullValues = "NULL", emptyValue = "", value = {
        // beginsWith / endsWith / streq / contains / within
        "beginsWith   | ''        | ''                  | true",
        "beginsWith   | abc       | abcdef              | true",
        "beginsWith   | abc       | xabc                | false",
        "beginsWith   | abc       | ab                  | false",
        "beginsWith   | #:~:text= | #:~:text=foo        | true",
        "endsWith     | ''        | ''                  | true",   // slt
        "endsWith     | TestCase  | ''                  | false",  // slt
        "endsWith     | ''        | TestCase            | true",   // slt
        "endsWith     | abc       | abcdefghi           | false",  // slt
        "endsWith     | ghi       | abcdefghi           | true",   // slt
        "endsWith     | ghi       | abcdef\\x00ghi      | true",   // slt
        "endsWith     | .pdf      | file.PDF            | false",
        "streq        | POST      | POST                | true",
        "streq        | POST      | post                | false",
        "streq        | ''        | ''                  | true",
        "streq        | GET /     | GET /x              | false",
        "contains     | ''        | ''                  | true",
        "contains     | #         | a#b                 | true",
        "contains     | -->       | <!-- x -- >         | false",
        "contains     | \\xe9t\\xe9 | \\xe9t\\xe9       | true",
        "within       | GET HEAD POST | GET            | true",
        "within       | GET HEAD POST | PUT            | false",
        "within       | GET HEAD POST | ''             | true",
        "within       | ''        | ''                  | true",
        "within       | ''        | x                   | false",
        "within       | ab        | abc                 | false",
        "within       | HTTP/2 HTTP/2.0 HTTP/3 | P/2 H  | true",
        // containsWord (slt)
        "containsWord | ''        | ''                  | true",
        "containsWord | TestCase  | ''                  | false",
        "containsWord | ''        | TestCase            | true",
        "containsWord | abc       | abcdefghi           | false",
        "containsWord | def       | abcdefghi           | false",
        "containsWord | ghi       | abcdefghi           | false",
        "containsWord | abc       | abc def ghi         | true",
        "containsWord | def       | abc def ghi         | true",
        "containsWord | ghi       | abc def ghi         | true",
        "containsWord | def       | abc\\x00def ghi     | true",
        "containsWord | x         | x                   | true",
        "containsWord | x         | ' x '               | true",
        "containsWord | y         | xyz                 | false",
        "containsWord | hiding    | hidingX<-not on word boundary, but is later on->hiding | true",
        "containsWord | aa        | aaa aa              | true",
        // strmatch
        "strmatch     | WebZIP    | Mozilla WebZIP/4.0  | true",
        "strmatch     | WebZIP    | webzip              | false",
        "strmatch     | '|41 42|c' | xABcx             | true",
        // numbers (atoi semantics)
        "eq           | 0         | ''                  | true",
        "eq           | 0         | abc                 | true",
        "eq           | 5         | 5abc                | true",
        "eq           | 5         | '  5'               | true",
        "eq           | -3        | -3                  | true",
        "eq           | 1         | +1                  | true",
        "eq           | 100       | 99                  | false",
        "ge           | 5         | 5                   | true",
        "ge           | 5         | 4                   | false",
        "gt           | 0         | 1                   | true",
        "gt           | 0         | 0                   | false",
        "gt           | 1000      | 99999999999999999999999 | true",
        "le           | 3         | 3                   | true",
        "le           | 3         | 4                   | false",
        "lt           | 2         | 1                   | true",
        "lt           | 2         | 2                   | false",
        "lt           | x         | -1                  | true",
        // validateByteRange (slt rows with valid arguments)
        "validateByteRange | 0-255   | ''              | false",
        "validateByteRange | 0-255   | abcdefghi       | false",
        "validateByteRange | 97-105  | abcdefghi       | false",
        "validateByteRange | 97-105  | abcdefghij      | true",
        "validateByteRange | 1-255   | a\\x00b         | true",
        "validateByteRange | 1-255   | \\xff\\x01      | false",
        "validateByteRange | 9,10,13,32-126 | tab\\x09ok | false",
        "validateByteRange | 9,10,13,32-126 | \\x7f      | true",
        "validateByteRange | 32-36,38-126   | a%b        | true",
        "validateByteRange | ' 32 - 126 , 9' | \\x09 a   | false",
        // validateUrlEncoding
        "validateUrlEncoding | ''  | ''                  | false",
        "validateUrlEncoding | ''  | a%20b               | false",
        "validateUrlEncoding | ''  | %ff%FF%aA           | false",
        "validateUrlEncoding | ''  | a%2                 | true",
        "validateUrlEncoding | ''  | %                   | true",
        "validateUrlEncoding | ''  | a%zz                | true",
        "validateUrlEncoding | ''  | a%2g                | true",
        "validateUrlEncoding | ''  | 100%                | true",
        "validateUrlEncoding | ''  | %41                 | false",
        // validateUtf8Encoding (slt where marked)
        "validateUtf8Encoding | '' | ''                       | false",  // slt
        "validateUtf8Encoding | '' | plain ascii              | false",
        "validateUtf8Encoding | '' | \\xc3\\xa7a              | false",  // slt (ça)
        "validateUtf8Encoding | '' | \\xe2\\x82\\xac          | false",
        "validateUtf8Encoding | '' | \\xf0\\x9f\\x98\\x80     | false",
        "validateUtf8Encoding | '' | \\x00\\xe4               | true",   // slt
        "validateUtf8Encoding | '' | \\xe4                    | true",   // slt
        "validateUtf8Encoding | '' | \\x03\\xbf               | true",   // slt
        "validateUtf8Encoding | '' | \\xc9;                   | true",   // slt
        "validateUtf8Encoding | '' | \\xff\\x00               | true",   // slt
        "validateUtf8Encoding | '' | \\xc0\\xaf               | true",   // overlong /
        "validateUtf8Encoding | '' | \\xe0\\x80\\xaf          | true",   // overlong /
        "validateUtf8Encoding | '' | \\xf0\\x80\\x80\\xaf     | true",   // overlong /
        "validateUtf8Encoding | '' | \\xed\\xa0\\x80          | true",   // surrogate
        "validateUtf8Encoding | '' | \\xf5\\x80\\x80\\x80     | true",   // beyond U+10FFFF lead
        "validateUtf8Encoding | '' | \\xe2\\x82               | true",   // truncated
        "validateUtf8Encoding | '' | \\x80                    | true",   // bare continuation
        // unconditional / none
        "unconditionalMatch | '' | ''                    | true",
        "noMatch            | '' | anything              | false",
        // ipMatch
        "ipMatch      | '127.0.0.1,::1' | 127.0.0.1      | true",
        "ipMatch      | '127.0.0.1,::1' | ::1            | true",
        "ipMatch      | '127.0.0.1,::1' | 10.0.0.1       | false",
        "ipMatch      | '10.0.0.0/8, 192.168.0.0/16' | 192.168.3.4 | true",
        "ipMatch      | '127.0.0.1,::1' | garbage        | false",
        // rx (slt rows)
        "rx           | test      | qqtestqq            | true",
        "rx           | ''        | ''                  | true",
        "rx           | TestCase  | ''                  | false",
        "rx           | ''        | TestCase            | true",
        "rx           | ghij      | abcdefghi           | false",
        "rx           | ^\\d+$    | 5\\x0a              | false",
        "rx           | (?i)^select | SeLeCt 1          | true",
        // pm
        "pm           | gzip compress deflate br zstd | x-GZIP  | true",
        "pm           | gzip compress deflate br zstd | identity | false",
        "pm           | ( )       | f ( x )             | true",
        "pm           | ?>        | <?php ?>            | true",
        "pm           | AppleWebKit Android | Mozilla/5.0 (Linux; android 14) | true",
        "pm           | abc       | ''                  | false",
        "pm           | '\"a b\"'   | xbx                 | true",
        "pm           | '|41|bc'  | xabcx               | true"})
    void operatorTable(String name, String argument, String input, boolean expected) {
        assertEquals(expected, eval(name, bytes(argument), bytes(input)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rx                | (",
        "rx                | a++",
        "ipMatch           | 300.1.1.1",
        "ipMatch           | 10.0.0.0/40",
        "ipMatch           | ''",
        "validateByteRange | ''",
        "validateByteRange | xxx",
        "validateByteRange | 1-256",
        "validateByteRange | 20-10",
        "validateByteRange | 1-",
        "pm                | ''",
        "pm                | '   '",
        "strmatch          | ''",
        "pmFromFile        | missing.data",
        "pmFromFile        | ''",
        "ipMatchFromFile   | missing.data"})
    void invalidArgumentsFailAtLoadTime(String name, String argument) {
        OperatorFactory factory = OperatorRegistry.lookup(name).orElseThrow();
        assertThrows(SecLangException.class, () -> factory.create(OperatorArgs.of(name, argument == null ? "" : argument)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rx", "RX", "pmFromFile", "PMFROMFILE", "pmf", "ipMatchF", "ipmatchfromfile",
        "validateUtf8Encoding", "unconditionalMatch", "noMatch", "containsWord", "strmatch", "within", "le"})
    void registryIsCaseInsensitive(String name) {
        assertTrue(OperatorRegistry.lookup(name).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "rsub", "verifyCC", "geoLookup", "rbl", "inspectFile", "fuzzyHash"})
    void unsupportedOperatorsAreAbsent(String name) {
        assertFalse(OperatorRegistry.lookup(name).isPresent());
    }

    @Test
    void rxCapturesGroupsUpToLastParticipatingOne() {
        FakeContext context = FakeContext.withCapture();
        assertTrue(eval("rx", "(a)(x)?(b)(c)?", "zab", context));
        assertEquals(Map.of(0, "ab", 1, "a", 2, "", 3, "b"), context.captures);
    }

    @Test
    void rxCapturesAtMostTenEntries() {
        FakeContext context = FakeContext.withCapture();
        assertTrue(eval("rx", "(1)(2)(3)(4)(5)(6)(7)(8)(9)(a)(b)", "123456789ab", context));
        assertEquals(10, context.captures.size());
        assertEquals("9", context.captures.get(9));
    }

    @Test
    void rxWithoutCaptureActionStoresNothing() {
        FakeContext context = FakeContext.plain();
        assertTrue(eval("rx", "(a)", "a", context));
        assertTrue(context.captures.isEmpty());
    }

    @Test
    void rxWithMacroCompilesPerCall() {
        assertTrue(eval("rx", "^%{tx.prefix}\\d+$", "id42", FakeContext.plain().with("tx.prefix", "id")));
        assertFalse(eval("rx", "^%{tx.prefix}\\d+$", "id42", FakeContext.plain().with("tx.prefix", "x")));
        // an expansion that is not a valid pattern does not match and does not throw
        assertFalse(eval("rx", "%{tx.bad}", "a(", FakeContext.plain().with("tx.bad", "(")));
    }

    @Test
    void pmCapturesPhraseAsWritten() {
        FakeContext context = FakeContext.withCapture();
        assertTrue(eval("pm", "Document.Cookie alert", "x=document.cookie", context));
        assertEquals(Map.of(0, "Document.Cookie"), context.captures);
    }

    @Test
    void stringOperatorsExpandMacros() {
        FakeContext context = FakeContext.plain()
                .with("tx.allowed_methods", "GET HEAD POST OPTIONS")
                .with("request_headers.host", "example.com")
                .with("tx.2", "abc")
                .with("tx.threshold", "5");
        assertTrue(eval("within", "%{tx.allowed_methods}", "HEAD", context));
        assertFalse(eval("within", "%{tx.allowed_methods}", "DELETE", context));
        assertTrue(eval("endsWith", ".%{request_headers.host}", "www.example.com", context));
        assertFalse(eval("endsWith", ".%{request_headers.host}", "example.com", context));
        assertTrue(eval("streq", "%{TX.2}", "abc", context));
        assertTrue(eval("beginsWith", "%{tx.2}", "abcd", context));
        assertTrue(eval("contains", "-%{tx.2}-", "x-abc-y", context));
        assertTrue(eval("containsWord", "%{tx.2}", "1 abc 2", context));
        assertTrue(eval("ge", "%{tx.threshold}", "5", context));
        assertFalse(eval("gt", "%{tx.threshold}", "5", context));
        assertTrue(eval("lt", "%{tx.missing}", "-1", context)); // missing macro expands to "" -> 0
    }

    @Test
    void pmFromFileReadsAllFilesSkippingCommentsAndBlankLines() {
        Map<String, List<String>> files = Map.of(
                "a.data", List.of("# comment", "", "   ", "  nikto  ", "sql\\;map"),
                "b.data", List.of("|41 42 43|", "\"quoted phrase\""));
        OperatorArgs args = new OperatorArgs("pmFromFile", "a.data  b.data", name -> {
            List<String> lines = files.get(name);
            if (lines == null) {
                throw new SecLangException("no file " + name);
            }
            return lines;
        });
        Operator op = PmFromFile.create(args);
        FakeContext context = FakeContext.plain();
        assertTrue(op.evaluate(context, "User-Agent: Nikto/2.1"));
        assertTrue(op.evaluate(context, "SQL;MAP"));
        assertTrue(op.evaluate(context, "xabcx"));
        assertTrue(op.evaluate(context, "a quoted phrase here"));
        assertFalse(op.evaluate(context, "comment"));
        assertFalse(op.evaluate(context, "sql\\;map"));
    }

    @Test
    void ipMatchFromFile() {
        OperatorArgs args = new OperatorArgs("ipMatchFromFile", "ips.txt",
                name -> List.of("# office", "10.0.0.0/8", "", "2001:db8::/32 "));
        Operator op = IpMatchFromFile.create(args);
        assertTrue(op.evaluate(FakeContext.plain(), "10.1.1.1"));
        assertTrue(op.evaluate(FakeContext.plain(), "2001:db8::5"));
        assertFalse(op.evaluate(FakeContext.plain(), "11.1.1.1"));
        OperatorArgs bad = new OperatorArgs("ipMatchFromFile", "ips.txt", name -> List.of("10.0.0.300"));
        assertThrows(SecLangException.class, () -> IpMatchFromFile.create(bad));
    }

    @Test
    void hugeInputsStayLinear() {
        String huge = "a".repeat(2_000_000);
        assertFalse(eval("contains", "a".repeat(1000) + "b", huge));
        assertFalse(eval("containsWord", "a".repeat(1000), huge + "b"));
        assertFalse(eval("containsWord", "a".repeat(1000), huge)); // no word boundary anywhere
        assertTrue(eval("containsWord", "a".repeat(1000), huge + " " + "a".repeat(1000)));
        assertFalse(eval("within", huge, "a".repeat(1000) + "b"));
        assertFalse(eval("pm", "aaab ab b", huge));
        assertFalse(eval("validateUtf8Encoding", "", huge));
        assertFalse(eval("validateUrlEncoding", "", huge));
        assertFalse(eval("validateByteRange", "97", huge));
        assertTrue(eval("rx", "a$", huge));
        assertFalse(eval("rx", "(a|aa)+b", huge));
        assertTrue(eval("eq", "0", huge)); // saturates, no exception
    }

    @Test
    void nonLatin1CharsNeverCrash() {
        String odd = "\u20ac\uffff\ud800";
        for (String name : List.of("validateUtf8Encoding", "validateByteRange", "pm", "rx", "ipMatch")) {
            String argument = switch (name) {
                case "validateByteRange" -> "0-255";
                case "pm", "rx" -> "x";
                case "ipMatch" -> "::1";
                default -> "";
            };
            boolean expected = name.startsWith("validate");
            assertEquals(expected, eval(name, argument, odd), name);
        }
    }
}
