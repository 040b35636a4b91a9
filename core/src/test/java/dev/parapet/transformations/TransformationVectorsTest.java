package dev.parapet.transformations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven input/output vectors, one table per transformation. Vectors marked "slt" are taken from
 * ModSecurity's secrules-language-tests (github.com/owasp-modsecurity/secrules-language-tests,
 * transformations/*.json, Apache License 2.0), with their {@code \\u0000} placeholders turned into NUL.
 */
class TransformationVectorsTest {

    private static Arguments v(String name, String input, String expected) {
        return Arguments.of(name, input, expected);
    }

    /** Builds a byte string from int byte values. */
    private static String bytes(int... values) {
        StringBuilder sb = new StringBuilder();
        for (int b : values) {
            sb.append((char) b);
        }
        return sb.toString();
    }

    private static void check(String name, String input, String expected) {
        Transformation t = TransformationRegistry.lookup(name).orElseThrow();
        String actual = t.apply(input);
        assertEquals(expected, actual, () -> name + "(" + printable(input) + ")");
        assertTrue(actual.chars().allMatch(c -> c <= 0xFF), "output is a byte string");
        if (expected.equals(input)) {
            assertSame(input, actual, "unchanged value must be returned as the same instance");
        }
    }

    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= 0x20 && c < 0x7F) {
                sb.append(c);
            } else {
                sb.append(String.format("\\x%02x", (int) c));
            }
        }
        return sb.toString();
    }

    static Stream<Arguments> urlDecodeUni() {
        return Stream.of(
                v("urlDecodeUni", "", ""),
                v("urlDecodeUni", "TestCase", "TestCase"),
                v("urlDecodeUni", "Test\0Case", "Test\0Case"),
                v("urlDecodeUni", "Test+Case", "Test Case"), // slt
                v("urlDecodeUni", "%41%42%43", "ABC"),
                v("urlDecodeUni", "%00%7f%80%ff%FF", bytes(0, 0x7f, 0x80, 0xff, 0xff)),
                v("urlDecodeUni", "%u0041%U0042", "AB"),
                v("urlDecodeUni", "%u1141", "A"), // low byte, slt (%u11xx)
                v("urlDecodeUni", "%uff01%uff1c%uFF5e", "!<~"), // full-width ASCII, slt
                v("urlDecodeUni", "%uff00%uff7f%uff80%uffff", bytes(0, 0x7f, 0x80, 0xff)), // slt
                v("urlDecodeUni", "%+", "% "), // slt
                v("urlDecodeUni", "%%20", "% "), // slt
                v("urlDecodeUni", "%0g%20", "%0g "), // slt
                v("urlDecodeUni", "%0%20", "%0 "), // slt
                v("urlDecodeUni", "%g0%20", "%g0 "), // slt
                v("urlDecodeUni", "%%u0020", "% "), // slt
                v("urlDecodeUni", "%u%u0020", "%u "), // slt
                v("urlDecodeUni", "%u0%u0020", "%u0 "), // slt
                v("urlDecodeUni", "%u00%u0020", "%u00 "), // slt
                v("urlDecodeUni", "%u000%u0020", "%u000 "), // slt
                v("urlDecodeUni", "%u000g%u0020", "%u000g "), // slt
                v("urlDecodeUni", "%0%1%2%3%4%5%6%7%8%9%0%a%b%c%d%e%f", "%0%1%2%3%4%5%6%7%8%9%0%a%b%c%d%e%f"), // slt
                v("urlDecodeUni", "%g0%g1%ga", "%g0%g1%ga"),
                v("urlDecodeUni", "%", "%"), // slt
                v("urlDecodeUni", "%0", "%0"), // slt
                v("urlDecodeUni", "%%", "%%"), // slt
                v("urlDecodeUni", "%gg", "%gg"), // slt
                v("urlDecodeUni", "%u", "%u"),
                v("urlDecodeUni", "%u12", "%u12"),
                v("urlDecodeUni", "a%", "a%"),
                v("urlDecodeUni", bytes(0xe9, '+'), bytes(0xe9, ' ')));
    }

    static Stream<Arguments> urlDecode() {
        return Stream.of(
                v("urlDecode", "", ""),
                v("urlDecode", "Test\0Case", "Test\0Case"),
                v("urlDecode", "Test+Case", "Test Case"),
                v("urlDecode", "%3Cscript%3e", "<script>"),
                v("urlDecode", "%u0041", "%u0041"),
                v("urlDecode", "%+", "% "), // slt
                v("urlDecode", "%%20", "% "), // slt
                v("urlDecode", "%0g%20", "%0g "), // slt
                v("urlDecode", "%", "%"),
                v("urlDecode", "%0", "%0"),
                v("urlDecode", "%gg", "%gg"),
                v("urlDecode", "%ff%00", bytes(0xff, 0)));
    }

    static Stream<Arguments> urlEncode() {
        return Stream.of(
                v("urlEncode", "", ""),
                v("urlEncode", "TestCase", "TestCase"),
                v("urlEncode", "Test Case", "Test+Case"), // slt
                v("urlEncode", "% ", "%25+"), // slt
                v("urlEncode", "%0g ", "%250g+"), // slt
                v("urlEncode", "a*b-c_d.e~", "a*b%2dc%5fd%2ee%7e"), // slt (character table)
                v("urlEncode", bytes(0, 0x7f, 0x80, 0xff), "%00%7f%80%ff"));
    }

    static Stream<Arguments> htmlEntityDecode() {
        return Stream.of(
                v("htmlEntityDecode", "", ""),
                v("htmlEntityDecode", "TestCase", "TestCase"),
                v("htmlEntityDecode", "Test\0Case", "Test\0Case"),
                v("htmlEntityDecode", "&#x0;&#X0;&#x20;&#X20;&#0;&#32;\0&#100;&quot;&amp;&lt;&gt;&nbsp;",
                        "\0\0  \0 \0d\"&<>" + (char) 0xA0), // slt
                v("htmlEntityDecode", "&#x0&#X0&#x20&#X20&#0&#32\0&#100&quot&amp&lt&gt&nbsp",
                        "\0\0  \0 \0d\"&<>" + (char) 0xA0), // slt
                v("htmlEntityDecode", "&#xg;&#Xg;&#xg0;&#X2g;&#a;\0&#a2;&#3a&#a00;&#1a0;&#10a;&foo;",
                        "&#xg;&#Xg;&#xg0;\u0002g;&#a;\0&#a2;\u0003a&#a00;\u0001a0;\na;&foo;"), // slt
                v("htmlEntityDecode", "&#xg&#Xg&#xg0&#X2g&#a\0&#a2&#3a&#a00&#1a0&#10a&foo",
                        "&#xg&#Xg&#xg0\u0002g&#a\0&#a2\u0003a&#a00\u0001a0\na&foo"), // slt
                v("htmlEntityDecode", "&LT;&Quot;", "<\""),
                v("htmlEntityDecode", "&#x141;&#321;", "AA"), // low byte of 0x141 / 321
                v("htmlEntityDecode", "&#99999999999999999999999;", bytes(0xff)), // strtol saturates
                v("htmlEntityDecode", "&", "&"),
                v("htmlEntityDecode", "&#", "&#"),
                v("htmlEntityDecode", "&#x", "&#x"),
                v("htmlEntityDecode", "a&;b", "a&;b"),
                v("htmlEntityDecode", "&&lt", "&<"),
                v("htmlEntityDecode", "&lt", "<"));
    }

    static Stream<Arguments> jsDecode() {
        return Stream.of(
                v("jsDecode", "", ""),
                v("jsDecode", "TestCase", "TestCase"),
                v("jsDecode", "Test\0Case", "Test\0Case"),
                v("jsDecode", "\\a\\b\\f\\n\\r\\t\\v\\?\\'\\\"\\0\\12\\123\\x00\\xff\\u0021\\uff01",
                        "\u0007\b\f\n\r\t\u000b?'\"\0\nS\0" + (char) 0xff + "!!"), // slt
                v("jsDecode", "\\8\\9\\666\\u00ag\\u00ga\\u0zaa\\uz0aa\\xag\\xga\\0123\\u00a",
                        "8966u00agu00gau0zaauz0aaxagxga\n3u00a"), // slt
                v("jsDecode", "\\x", "x"), // slt
                v("jsDecode", "\\x\\x0", "xx0"), // slt
                v("jsDecode", "\\u\\u0\\u01\\u012\0", "uu0u01u012\0"), // slt
                v("jsDecode", "\\", "\\"), // slt
                v("jsDecode", "\\\\0", "\\0"), // slt
                v("jsDecode", "\\u0141\\U0041", "AU0041"),
                v("jsDecode", "\\377\\400", bytes(0xff, 0x20, '0')),
                v("jsDecode", "a\\", "a\\"));
    }

    static Stream<Arguments> cssDecode() {
        return Stream.of(
                v("cssDecode", "", ""),
                v("cssDecode", "TestCase", "TestCase"),
                v("cssDecode", "Test\0Case", "Test\0Case"),
                v("cssDecode", "test\\a\\b\\f\\n\\r\\t\\v\\?\\'\\\"\\0\\12\\123\\1234\\12345\\123456\\ff01\\ff5e\\\n\\0  string",
                        "test\n\u000b\u000fnrtv?'\"\0\u0012#4EV!~\0 string"), // slt
                v("cssDecode", "test\\", "test"), // slt
                v("cssDecode", "\\1A\\1 A\\1234567\\123456 7\\1x\\1 x",
                        "\u001a\u0001AV7V7\u0001x\u0001x"), // slt
                v("cssDecode", "\\0ff1c\\00ff3e", "<^"),
                v("cssDecode", "\\1ff1c", bytes(0x1c)),
                v("cssDecode", "j\\61vascript", "javascript"));
    }

    static Stream<Arguments> escapeSeqDecode() {
        return Stream.of(
                v("escapeSeqDecode", "", ""),
                v("escapeSeqDecode", "TestCase", "TestCase"),
                v("escapeSeqDecode", "\\a\\b\\f\\n\\r\\t\\v\\?\\'\\\"\\0\\12\\123\\x00\\xff",
                        "\u0007\b\f\n\r\t\u000b?'\"\0\nS\0" + (char) 0xff), // slt
                v("escapeSeqDecode", "\\8\\9\\666\\xag\\xga\\0123", "89" + (char) 0xb6 + "xagxga\n3"), // slt
                v("escapeSeqDecode", "\\x", "x"), // slt
                v("escapeSeqDecode", "\\x\\x0", "xx0"), // slt
                v("escapeSeqDecode", "\\0", "\0"), // slt
                v("escapeSeqDecode", "\\01", "\u0001"), // slt
                v("escapeSeqDecode", "\\012", "\n"), // slt
                v("escapeSeqDecode", "\\", "\\"), // slt
                v("escapeSeqDecode", "\\\\u0000", "\\u0000"), // slt
                v("escapeSeqDecode", "\\X41\\u0041", "Au0041"));
    }

    static Stream<Arguments> utf8toUnicode() {
        return Stream.of(
                v("utf8toUnicode", "", ""),
                v("utf8toUnicode", "TestCase", "TestCase"),
                v("utf8toUnicode", "Test\0Case", "Test\0Case"),
                v("utf8toUnicode", bytes(0xd0, 0x80, ' ', 0xd0, 0x81), "%u0400 %u0401"), // slt (Cyrillic)
                v("utf8toUnicode", bytes(0xe2, 0x96, 0xa0), "%u25a0"), // slt (geometric shapes)
                v("utf8toUnicode", bytes(0xc3, 0xa9), "%u00e9"),
                v("utf8toUnicode", bytes(0xef, 0xbc, 0x9c), "%uff1c"),
                v("utf8toUnicode", bytes(0xf0, 0x9f, 0x98, 0x80), "%u1f600"),
                v("utf8toUnicode", bytes(0x80, 0xbf, 0xf8, 0xff), bytes(0x80, 0xbf, 0xf8, 0xff)),
                v("utf8toUnicode", bytes('<', 0xc3, 's'), "<s"), // broken sequence: lead byte dropped
                v("utf8toUnicode", bytes('a', 0xe2, 0x96), bytes('a', 0x96)), // truncated: lead dropped, stray continuation kept
                v("utf8toUnicode", bytes(0xc0, 0xbc), "%u003c" + (char) 0xc0), // overlong + raw lead
                v("utf8toUnicode", bytes(0xed, 0xa0, 0x80), "%ud800" + (char) 0xed), // surrogate + raw lead
                v("utf8toUnicode", bytes(0xf5, 0x80, 0x80, 0x80), (char) 0xf5 + "%u140000"));
    }

    static Stream<Arguments> whitespaceAndNulls() {
        return Stream.of(
                v("removeWhitespace", "", ""),
                v("removeWhitespace", "TestCase", "TestCase"),
                v("removeWhitespace", " a\tb\nc\u000bd\fe\rf" + (char) 0xa0 + "g ", "abcdefg"),
                v("removeWhitespace", "a\0b", "a\0b"),
                v("compressWhitespace", "", ""),
                v("compressWhitespace", "Test Case", "Test Case"), // slt
                v("compressWhitespace", "  Test  \t   Case  ", " Test Case "), // slt
                v("compressWhitespace",
                        "This is a   test case with a tab \t, vtab \u000b, newline \n, return \r, formfeed \f, and a NUL\0 in it with a CRLF at the end.\r\n",
                        "This is a test case with a tab , vtab , newline , return , formfeed , and a NUL\0 in it with a CRLF at the end. "), // slt
                v("compressWhitespace", "a\tb", "a b"),
                v("compressWhitespace", "a" + (char) 0xa0 + " b", "a b"),
                v("removeNulls", "", ""),
                v("removeNulls", "TestCase", "TestCase"),
                v("removeNulls", "\0Test\0\0Case\0", "TestCase"),
                v("replaceNulls", "Test\0Case\0", "Test Case "),
                v("replaceNulls", "TestCase", "TestCase"),
                v("trim", "", ""),
                v("trim", "TestCase", "TestCase"), // slt
                v("trim", "    Test   Case    ", "Test   Case"), // slt
                v("trim", " \t   Test \0 Case \t  \t   \r\n  ", "Test \0 Case"), // slt
                v("trim", " \u000b\f", ""),
                v("trim", (char) 0xa0 + "x", (char) 0xa0 + "x"),
                v("trimLeft", "  a b  ", "a b  "),
                v("trimLeft", "a b  ", "a b  "),
                v("trimRight", "  a b \n", "  a b"),
                v("trimRight", "  a b", "  a b"));
    }

    static Stream<Arguments> comments() {
        return Stream.of(
                v("replaceComments", "", ""),
                v("replaceComments", "TestCase", "TestCase"),
                v("replaceComments", "/* TestCase */", " "), // slt
                v("replaceComments", "Before/* TestCase */After", "Before After"), // slt
                v("replaceComments", "Before /* TestCase */ After", "Before   After"), // slt
                v("replaceComments", "/* Test\r\nCase */", " "), // slt
                v("replaceComments", "Before/* Test\r\nCase ", "Before "), // slt
                v("replaceComments", "Test\r\nCase */After", "Test\r\nCase */After"), // slt
                v("replaceComments", "a/*/b", "a "),
                v("replaceComments", "/", "/"),
                v("removeComments", "/* TestCase */", ""), // slt
                v("removeComments", "Before/* TestCase */After", "BeforeAfter"), // slt
                v("removeComments", "Before TestCase */ After", "Before TestCase */ After"), // slt
                v("removeComments", "/*Before/* Test\r\nCase ", " "), // slt
                v("removeComments", "Before/* T*/ /* e */ /* s */ /* t */\r\nCase ", "Before   \r\nCase "), // slt
                v("removeComments", "Before /* */ ops */ Test\nCase ", "Before  ops */ Test\nCase "), // slt
                v("removeComments", "SELECT/**//**/UNION", "SELECTUNION"), // slt
                v("removeComments", "foo<!-- comment 1 --><!-- comment 2 -->bar", "foobar"), // slt
                v("removeComments", "1 OR 1=1-- comment", "1 OR 1=1"),
                v("removeComments", "ls # comment", "ls "),
                v("removeCommentsChar", "", ""),
                v("removeCommentsChar", "TestCase", "TestCase"),
                v("removeCommentsChar", "SEL/**/ECT", "SELECT"),
                v("removeCommentsChar", "/*!50000select*/", "!50000select"),
                v("removeCommentsChar", "1--2#3", "123"),
                v("removeCommentsChar", "<!--x-->", "x"),
                v("removeCommentsChar", "a-b/c*d", "a-b/c*d"),
                v("removeCommentsChar", "---", "-"));
    }

    static Stream<Arguments> cmdLine() {
        return Stream.of(
                v("cmdLine", "", ""),
                v("cmdLine", "ls", "ls"),
                v("cmdLine", "ls -la", "ls -la"),
                v("cmdLine", "\"c^a\"t /etc/'pa'ss\\wd", "cat/etc/passwd"),
                v("cmdLine", "CMD.EXE /C  dir", "cmd.exe/c dir"),
                v("cmdLine", "echo  ;\t,\r\n x", "echo x"),
                v("cmdLine", "system ( 'id' )", "system( id )"),
                v("cmdLine", " ;x", " x"),
                v("cmdLine", "A" + (char) 0xc9, "a" + (char) 0xc9));
    }

    static Stream<Arguments> paths() {
        return Stream.of(
                v("normalizePath", "", ""), // slt
                v("normalizePath", "/foo/bar/baz", "/foo/bar/baz"), // slt
                v("normalizePath", "/foo/bar\0/baz", "/foo/bar\0/baz"), // slt
                v("normalizePath", "x", "x"), // slt
                v("normalizePath", ".", ""), // slt
                v("normalizePath", "./", ""), // slt
                v("normalizePath", "./..", ".."), // slt
                v("normalizePath", "./../", "../"), // slt
                v("normalizePath", "..", ".."), // slt
                v("normalizePath", "../", "../"), // slt
                v("normalizePath", "../.", ".."), // slt
                v("normalizePath", ".././", "../"), // slt
                v("normalizePath", "../..", "../.."), // slt
                v("normalizePath", "../../", "../../"), // slt
                v("normalizePath", "/dir/foo//bar", "/dir/foo/bar"), // slt
                v("normalizePath", "dir/foo//bar/", "dir/foo/bar/"), // slt
                v("normalizePath", "dir/../foo", "foo"), // slt
                v("normalizePath", "dir/../../foo", "../foo"), // slt
                v("normalizePath", "dir/./.././../../foo/bar", "../../foo/bar"), // slt
                v("normalizePath", "dir/./.././../../foo/bar/.", "../../foo/bar"), // slt
                v("normalizePath", "dir/./.././../../foo/bar/./", "../../foo/bar/"), // slt
                v("normalizePath", "dir/./.././../../foo/bar/..", "../../foo"), // slt
                v("normalizePath", "dir/./.././../../foo/bar/../", "../../foo/"), // slt
                v("normalizePath", "dir/./.././../../foo/bar/", "../../foo/bar/"), // slt
                v("normalizePath", "dir//.//..//.//..//..//foo//bar", "../../foo/bar"), // slt
                v("normalizePath", "dir//.//..//.//..//..//foo//bar//", "../../foo/bar/"), // slt
                v("normalizePath", "dir/subdir/subsubdir/subsubsubdir/../../..", "dir"), // slt
                v("normalizePath", "dir/./subdir/./subsubdir/./subsubsubdir/../../..", "dir"), // slt
                v("normalizePath", "dir/./subdir/../subsubdir/../subsubsubdir/..", "dir"), // slt
                v("normalizePath", "/dir/./subdir/../subsubdir/../subsubsubdir/../", "/dir/"), // slt
                v("normalizePath", "/./.././../../../../../../../\0/../etc/./passwd", "/etc/passwd"), // slt
                v("normalizePath", "/..", ""), // ModSecurity drops the root slash here too
                v("normalizePath", "/../../etc/passwd", "/etc/passwd"),
                v("normalizePath", "/a/b/", "/a/b/"),
                v("normalizePath", "//", "/"),
                v("normalizePath", "a\\..\\b", "a\\..\\b"),
                v("normalisePath", "/a/./b", "/a/b"),
                v("normalizePathWin", "", ""), // slt
                v("normalizePathWin", "\\foo\\bar\\baz", "/foo/bar/baz"), // slt
                v("normalizePathWin", "\\foo\\bar\0\\baz", "/foo/bar\0/baz"), // slt
                v("normalizePathWin", ".\\..\\", "../"), // slt
                v("normalizePathWin", "..\\..\\", "../../"), // slt
                v("normalizePathWin", "\\dir\\foo\\\\bar", "/dir/foo/bar"), // slt
                v("normalizePathWin", "dir\\\\.\\\\..\\\\.\\\\..\\\\..\\\\foo\\\\bar\\\\", "../../foo/bar/"), // slt
                v("normalizePathWin", "\\dir\\.\\subdir\\..\\subsubdir\\..\\subsubsubdir\\..\\", "/dir/"), // slt
                v("normalizePathWin", "\\.\\..\\.\\..\\..\\..\\..\\..\\..\\..\\\\0\\..\\etc\\.\\passwd", "/etc/passwd"), // slt
                v("normalisePathWin", "c:\\windows\\..\\boot.ini", "c:/boot.ini"));
    }

    static Stream<Arguments> codecs() {
        return Stream.of(
                v("base64Decode", "", ""), // slt
                v("base64Decode", "VGVzdENhc2U=", "TestCase"), // slt
                v("base64Decode", "VGVzdENhc2Ux", "TestCase1"), // slt
                v("base64Decode", "VGVzdENhc2UxMg==", "TestCase12"), // slt
                v("base64Decode", "VGVzdABDYXNl", "Test\0Case"), // slt
                v("base64Decode", "VGVzdENhc2U=\0VGVzdENhc2U=", "TestCase"), // slt
                v("base64Decode", "VGVz dENhc2U=", "Tes"),
                v("base64Decode", "QQ", "A"),
                v("base64Decode", "QUJ", "AB"),
                v("base64Decode", "Q", ""),
                v("base64Decode", "!!!", ""),
                v("base64Decode", "/w==", bytes(0xff)),
                v("base64DecodeExt", "", ""), // slt
                v("base64DecodeExt", "VGVzdENhc2U=", "TestCase"), // slt
                v("base64DecodeExt", "VGVzdENhc2UxMg==", "TestCase12"), // slt
                v("base64DecodeExt", "P.HNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "<script>alert(1)</script>"), // slt
                v("base64DecodeExt", "dzBzV==YWxlcnQoMSk=", ""), // slt
                v("base64DecodeExt", "eyJwIjoieHh-IiwiYWxnIjoibm9uZSIsInR5cCI6IkpXVCJ9",
                        "{\"p\":\"xx~\",\"alg\":\"none\",\"typ\":\"JWT\"}"), // slt
                v("base64DecodeExt", "VGVz dEN\nhc2U", "TestCase"),
                v("base64Encode", "", ""),
                v("base64Encode", "TestCase", "VGVzdENhc2U="), // slt
                v("base64Encode", "TestCase1", "VGVzdENhc2Ux"),
                v("base64Encode", "TestCase12", "VGVzdENhc2UxMg=="),
                v("base64Encode", bytes(0xff, 0xfe), "//4="),
                v("hexEncode", "", ""),
                v("hexEncode", "TestCase", "5465737443617365"), // slt
                v("hexEncode", bytes(0, 0x80, 0xff), "0080ff"),
                v("hexDecode", "", ""), // slt
                v("hexDecode", "5465737443617365", "TestCase"), // slt
                v("hexDecode", "546573740043617365", "Test\0Case"), // slt
                v("hexDecode", "01234567890a0z01234567890a",
                        bytes(1, '#', 'E', 'g', 0x89, '\n', '#', 1, '#', 'E', 'g', 0x89, '\n')), // slt
                v("hexDecode", "01234567890az", bytes(1, '#', 'E', 'g', 0x89, '\n')), // slt
                v("hexDecode", "01234567890a0", bytes(1, '#', 'E', 'g', 0x89, '\n')), // slt
                v("hexDecode", "FFfe", bytes(0xff, 0xfe)),
                v("sqlHexDecode", "0x414243", "ABC"), // slt
                v("sqlHexDecode", "ABC", "ABC"), // slt
                v("sqlHexDecode", "00x414243", "0ABC"), // slt
                v("sqlHexDecode", "0xz0x414243", "0xzABC"), // slt
                v("sqlHexDecode", "0x4142430x434241", "ABCCBA"), // slt
                v("sqlHexDecode", "0x4142430x0x434241", "ABC0xCBA"), // slt
                v("sqlHexDecode", "0X41424", "AB4"),
                v("sqlHexDecode", "0x", "0x"),
                v("sqlHexDecode", "0x4", "0x4"),
                v("length", "", "0"),
                v("length", "TestCase", "8"),
                v("length", "x", "1"),
                v("length", "1", "1"),
                v("lowercase", "TeSt" + (char) 0xc9 + "Case", "test" + (char) 0xc9 + "case"),
                v("lowercase", "testcase", "testcase"),
                v("uppercase", "TeSt" + (char) 0xe9 + "Case", "TEST" + (char) 0xe9 + "CASE"),
                v("uppercase", "TESTCASE", "TESTCASE"),
                v("parityEven7bit", "cefijloqrtwx03569ABDGHKMNPSUVYZ", "cefijloqrtwx03569ABDGHKMNPSUVYZ"), // slt
                v("parityEven7bit", "abcd\0", bytes(0xe1, 0xe2, 'c', 0xe4, 0)), // slt
                v("parityOdd7bit", "abdghkmnpsuvyz12478CEFIJLOQRTW", "abdghkmnpsuvyz12478CEFIJLOQRTW"), // slt
                v("parityOdd7bit", "abcd\0", bytes('a', 'b', 0xe3, 'd', 0x80)), // slt
                // ModSecurity computes the parity over all eight input bits: 0xA5 has four, so bit 7 is cleared.
                v("parityEven7bit", bytes(0xa5), "%"),
                v("parityOdd7bit", bytes(0xa5), bytes(0xa5)),
                v("parityZero7bit", "abc", "abc"),
                v("parityZero7bit", bytes(0xe1, 0xe2, 0x80), bytes('a', 'b', 0)));
    }

    static Stream<Arguments> digests() {
        return Stream.of(
                // Well-known digests, compared as hex of the raw output.
                v("md5", "", "d41d8cd98f00b204e9800998ecf8427e"),
                v("md5", "TestCase", "c9aba2c3e60126169e80e9a26ba273c1"),
                v("sha1", "", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
                v("sha1", "abc", "a9993e364706816aba3e25717850c26c9cd0d89d"));
    }

    @ParameterizedTest(name = "{0}({1})")
    @MethodSource({"urlDecodeUni", "urlDecode", "urlEncode", "htmlEntityDecode", "jsDecode", "cssDecode",
            "escapeSeqDecode", "utf8toUnicode", "whitespaceAndNulls", "comments", "cmdLine", "paths", "codecs"})
    void transformsAsModSecurity(String name, String input, String expected) {
        check(name, input, expected);
    }

    @ParameterizedTest(name = "{0}({1})")
    @MethodSource("digests")
    void digestsAreRawBytes(String name, String input, String expectedHex) {
        String raw = TransformationRegistry.lookup(name).orElseThrow().apply(input);
        assertEquals(expectedHex, new HexEncode().apply(raw));
    }
}
