package dev.parapet.bodyprocessors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MultipartBodyProcessorTest {

    private static final String CT = "multipart/form-data; boundary=XyZ";

    /** Joins lines with CRLF and ends with CRLF. */
    private static String crlf(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    private static RecordingTarget run(String contentType, String body) {
        return run(contentType, body, BodyLimits.DEFAULTS);
    }

    private static RecordingTarget run(String contentType, String body, BodyLimits limits) {
        RecordingTarget t = new RecordingTarget();
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        new MultipartBodyProcessor().process(bytes, bytes.length, contentType, limits, t);
        return t;
    }

    @Test
    void fieldsAndFiles() {
        RecordingTarget t = run(CT, crlf(
                "--XyZ",
                "Content-Disposition: form-data; name=\"user\"",
                "",
                "alice",
                "--XyZ",
                "Content-Disposition: form-data; name=\"note\"",
                "Content-Type: text/plain; charset=utf-8",
                "",
                "line1",
                "line2",
                "--XyZ",
                "Content-Disposition: form-data; name=\"upload\"; filename=\"a.php\"",
                "Content-Type: application/octet-stream",
                "",
                "<?php system($_GET['c']); ?>",
                "--XyZ--"));
        assertNull(t.error());
        assertEquals(List.of("user=alice", "note=line1\r\nline2"), t.arguments);
        assertEquals(List.of("upload=a.php:28"), t.files);
        assertEquals(List.of(
                "user|Content-Disposition: form-data; name=\"user\"",
                "note|Content-Disposition: form-data; name=\"note\"",
                "note|Content-Type: text/plain; charset=utf-8",
                "upload|Content-Disposition: form-data; name=\"upload\"; filename=\"a.php\"",
                "upload|Content-Type: application/octet-stream"), t.partHeaders);
        assertEquals(Set.of(), t.flags);
        assertEquals("upload", t.multipartName);
        assertEquals("a.php", t.multipartFileName);
    }

    @Test
    void lfOnlyBodyParsesAndIsFlagged() {
        RecordingTarget t = run("multipart/form-data; boundary=----WebKitFormBoundary", String.join("\n",
                "------WebKitFormBoundary",
                "Content-Disposition: form-data; name=\"username\"",
                "Content-Type: text/plain; charset=utf-7",
                "",
                "+ADw-img+ACA-src+AD0-x+AD4-",
                "------WebKitFormBoundary--",
                ""));
        assertNull(t.error());
        assertEquals(List.of("username=+ADw-img+ACA-src+AD0-x+AD4-"), t.arguments);
        assertEquals(List.of("username|Content-Disposition: form-data; name=\"username\"",
                "username|Content-Type: text/plain; charset=utf-7"), t.partHeaders);
        assertEquals(EnumSet.of(MultipartFlag.LF_LINE), t.flags);
    }

    @Test
    void mixedLineEndings() {
        RecordingTarget t = run(CT, "--XyZ\r\nContent-Disposition: form-data; name=a\n\r\nv\r\n--XyZ--\r\n");
        assertNull(t.error());
        assertEquals(List.of("a=v"), t.arguments);
        assertEquals(EnumSet.of(MultipartFlag.LF_LINE, MultipartFlag.CRLF_LF_LINES), t.flags);
    }

    @Test
    void charsetPartIsAnArgumentWithHeaders() {
        RecordingTarget t = run(CT, crlf("--XyZ", "Content-Disposition: form-data; name=\"_charset_\"", "",
                "utf-7", "--XyZ--"));
        assertEquals(List.of("_charset_=utf-7"), t.arguments);
        assertEquals(List.of("_charset_|Content-Disposition: form-data; name=\"_charset_\""), t.partHeaders);
    }

    @Test
    void finalBoundaryWithoutNewlineAtEndOfBody() {
        RecordingTarget t = run("multipart/form-data; boundary=boundary",
                "--boundary\r\nContent-Disposition: form-data; name=\"post\"\r\n\r\nx\r\n--boundary--");
        assertNull(t.error());
        assertEquals(List.of("post=x"), t.arguments);
    }

    @Test
    void emptyFileNameIsStillAFile() {
        RecordingTarget t = run(CT, crlf("--XyZ", "Content-Disposition: form-data; name=f; filename=\"\"", "", "",
                "--XyZ--"));
        assertNull(t.error());
        assertEquals(List.of("f=:0"), t.files);
        assertEquals(List.of(), t.arguments);
    }

    @Test
    void emptyBodyIsNoError() {
        RecordingTarget t = run(CT, "");
        assertNull(t.error());
        assertEquals(List.of(), t.arguments);
    }

    static Stream<Arguments> boundaries() {
        return Stream.of(
                Arguments.of("multipart/form-data; boundary=XyZ", null, Set.of()),
                Arguments.of("multipart/form-data; boundary=\"XyZ\"", null, Set.of(MultipartFlag.BOUNDARY_QUOTED)),
                Arguments.of("Multipart/Form-Data;boundary=XyZ", null, Set.of()),
                Arguments.of("multipart/form-data boundary=XyZ", null, Set.of(MultipartFlag.MISSING_SEMICOLON)),
                Arguments.of("multipart/form-data; boundary =XyZ", null, Set.of(MultipartFlag.BOUNDARY_WHITESPACE)),
                Arguments.of("multipart/form-data; boundary=", "(empty)", Set.of()),
                Arguments.of("multipart/form-data", "Boundary not found in C-T", Set.of()),
                Arguments.of("multipart/form-data; BOUNDARY=XyZ", "(case sensitivity)", Set.of()),
                Arguments.of("multipart/form-data; boundary=a; boundary=b", "Multiple boundary", Set.of()),
                Arguments.of("multipart/form-data; boundary=\"XyZ", "(quote)", Set.of()),
                Arguments.of("multipart/form-data; boundary=XyZ; charset=utf-8", "(characters)", Set.of()),
                Arguments.of("multipart/form-data; x; boundary=XyZ", "(malformed)", Set.of()),
                Arguments.of("multipart/form-data; boundary", "(malformed)", Set.of()),
                Arguments.of("multipart/form-data; boundaryX=XyZ", "(parameter name)", Set.of()),
                Arguments.of("multipart/mixed; boundary=XyZ", "Invalid MIME type", Set.of()),
                Arguments.of("multipart/form-data; boundary=" + "a".repeat(1100), "(length)", Set.of()),
                Arguments.of(null, "Content-Type header not available", Set.of()));
    }

    @ParameterizedTest
    @MethodSource("boundaries")
    void contentTypeBoundary(String contentType, String error, Set<MultipartFlag> flags) {
        RecordingTarget t = run(contentType, crlf("--XyZ", "Content-Disposition: form-data; name=a", "", "1",
                "--XyZ--"));
        if (error == null) {
            assertNull(t.error());
            assertEquals(List.of("a=1"), t.arguments);
        } else {
            assertTrue(t.error().startsWith("Multipart parsing error (init): Multipart: "), t.error());
            assertTrue(t.error().contains(error), t.error());
            assertEquals(List.of(), t.arguments);
        }
        assertEquals(flags, t.flags);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // header line, expected error fragment (empty = none), expected flag (empty = none)
        "Content-Disposition: form-data; name='a'           | | INVALID_QUOTING",
        "Content-Disposition: form-data; name=\"a\"x        | (-12) | INVALID_QUOTING",
        "Content-Disposition: form-data; name=a             | | ",
        "Content-Disposition: form-data; name=\"a\\\"b\"    | | ",
        "Content-Disposition: form-data; name=\"a;b\"       | | ",
        "Content-Disposition: form-data                     | missing name field | ",
        "Content-Disposition: attachment; name=a            | (-1) | ",
        "Content-Disposition: form-data name=a              | (-2) | ",
        "Content-Disposition: form-data; name=a; x=y        | (-11) | ",
        "Content-Disposition: form-data; name=a; name=b     | (-14) | ",
        "Content-Disposition: form-data; name=\"a           | (-10) | ",
        "Content-Disposition: form-data; name=a; filename=x; filename=y | (-15) | ",
        "Content-Type: text/plain                           | Part missing Content-Disposition header | ",
        "Content-Disposition form-data                      | (colon missing) | ",
        ": x                                                | (header name missing) | ",
        "Content- Disposition: form-data; name=a            | Invalid part header (contains invalid character) | ",
        "Content~Disposition: form-data; name=a             | Part missing Content-Disposition | ",
    })
    void contentDisposition(String header, String error, MultipartFlag flag) {
        RecordingTarget t = run(CT, crlf("--XyZ", header, "", "v", "--XyZ--"));
        if (error == null) {
            assertNull(t.error());
            assertEquals(1, t.arguments.size());
            assertTrue(t.arguments.get(0).endsWith("=v"));
        } else {
            assertTrue(t.error() != null && t.error().contains(error), String.valueOf(t.error()));
            assertTrue(t.error().startsWith("Multipart parsing error: Multipart: "), t.error());
        }
        if (flag != null) {
            assertTrue(t.flags.contains(flag), t.flags.toString());
        }
    }

    @Test
    void quotedNameUnescapes() {
        RecordingTarget t = run(CT, crlf("--XyZ", "Content-Disposition: form-data; name=\"a\\\"b\\\\c\\d\"", "", "v",
                "--XyZ--"));
        assertEquals(List.of("a\"b\\c\\d=v"), t.arguments);
    }

    /** CRS 922130: header names with bytes outside 0x21-0x7E fail parsing with ModSecurity's message. */
    @ParameterizedTest
    @CsvSource({"14, 0", "14, 19", "32, 8", "127, 7"})
    void invalidHeaderNameCharacter(int badByte, int position) {
        StringBuilder name = new StringBuilder("Content-Disposition");
        name.insert(position, (char) badByte);
        RecordingTarget t = run("multipart/form-data; boundary=boundary", crlf("--boundary",
                name + ": form-data; name=\"file\"; filename=\"1.php\"",
                "Content-Disposition: form-data; name=\"post\"", "", "<?php var_dump(1);", "--boundary--"));
        assertEquals("Multipart parsing error: Multipart: Invalid part header (contains invalid character).",
                t.error());
    }

    @Test
    void headerFolding() {
        RecordingTarget t = run(CT, crlf("--XyZ", "Content-Disposition: form-data;", "\tname=\"a\"", "", "v",
                "--XyZ--"));
        assertNull(t.error());
        assertEquals(List.of("a=v"), t.arguments);
        assertEquals(List.of("a|Content-Disposition: form-data; name=\"a\""), t.partHeaders);
        assertEquals(EnumSet.of(MultipartFlag.HEADER_FOLDING), t.flags);
    }

    @Test
    void invalidHeaderFolding() {
        RecordingTarget t = run(CT, crlf("--XyZ", "Content-Disposition: form-data;", "\u000bname=\"a\"", "", "v",
                "--XyZ--"));
        assertNull(t.error());
        assertEquals(EnumSet.of(MultipartFlag.HEADER_FOLDING, MultipartFlag.INVALID_HEADER_FOLDING), t.flags);
    }

    @Test
    void foldingWithoutHeaderIsAnError() {
        RecordingTarget t = run(CT, crlf("--XyZ", " name=a", "", "v", "--XyZ--"));
        assertTrue(t.error().contains("(folding error)"), t.error());
    }

    @Test
    void duplicateHeaderIsAnError() {
        RecordingTarget t = run(CT, crlf("--XyZ", "Content-Disposition: form-data; name=a",
                "content-disposition: form-data; name=b", "", "v", "--XyZ--"));
        assertTrue(t.error().contains("Duplicate part header: content-disposition."), t.error());
    }

    @Test
    void nulInHeadersIsAnError() {
        RecordingTarget t = run(CT, crlf("--XyZ", "Content-Disposition: form-data; name=a\u0000", "", "v", "--XyZ--"));
        assertTrue(t.error().contains("Nul byte in part headers"), t.error());
    }

    @Test
    void dataBeforeAndAfter() {
        RecordingTarget t = run(CT, "preamble\r\n" + crlf("--XyZ", "Content-Disposition: form-data; name=a", "", "v",
                "--XyZ--") + "epilogue");
        assertNull(t.error());
        assertEquals(List.of("a=v"), t.arguments);
        assertEquals(EnumSet.of(MultipartFlag.DATA_BEFORE, MultipartFlag.DATA_AFTER), t.flags);
    }

    @Test
    void unmatchedBoundary() {
        RecordingTarget t = run(CT, crlf("--XyZ", "Content-Disposition: form-data; name=a", "", "--other",
                "text --XyZ inside", "--XyZ--"));
        assertNull(t.error());
        assertEquals(List.of("a=--other\r\ntext --XyZ inside"), t.arguments);
        assertEquals(EnumSet.of(MultipartFlag.UNMATCHED_BOUNDARY), t.flags);
    }

    @Test
    void partWithoutHeadersEndIsInvalidPart() {
        RecordingTarget t = run(CT, crlf("--XyZ", "Content-Disposition: form-data; name=a", "--XyZ",
                "Content-Disposition: form-data; name=b", "", "v", "--XyZ--"));
        assertNull(t.error());
        assertEquals(List.of("b=v"), t.arguments);
        assertTrue(t.flags.contains(MultipartFlag.INVALID_PART));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "--XyZ\\r\\nContent-Disposition: form-data; name=a\\r\\n\\r\\nv\\r\\n                | Final boundary missing",
        "just text\\r\\n                                                              | No boundaries found",
        "--XyZ junk\\r\\n                                                             | Invalid boundary: --XyZ junk",
        "--XyZ\\r\\nContent-Disposition: form-data; name=a\\r\\n\\r\\nv\\r\\n-- XyZ--\\r\\n  | Invalid boundary (whitespace)",
    })
    void structuralErrors(String body, String error) {
        RecordingTarget t = run(CT, body.replace("\\r\\n", "\r\n"));
        assertTrue(t.error() != null && t.error().contains(error), String.valueOf(t.error()));
    }

    @Test
    void quotedBoundaryUsedWithQuotesInBody() {
        RecordingTarget t = run("multipart/form-data; boundary=\"XyZ\"", crlf("--\"XyZ\"",
                "Content-Disposition: form-data; name=a", "", "v", "--\"XyZ\"--"));
        assertTrue(t.error().contains("Invalid boundary (quotes)"), t.error());
    }

    @Test
    void duplicateFinalBoundaryIsAnErrorOnlyAsDataAfter() {
        RecordingTarget t = run(CT, crlf("--XyZ", "Content-Disposition: form-data; name=a", "", "v", "--XyZ--",
                "--XyZ--"));
        assertEquals(List.of("a=v"), t.arguments);
        assertTrue(t.flags.contains(MultipartFlag.DATA_AFTER));
    }

    @Test
    void tooManyParts() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            body.append(crlf("--XyZ", "Content-Disposition: form-data; name=p" + i, "", "v"));
        }
        body.append(crlf("--XyZ--"));
        RecordingTarget t = run(CT, body.toString(), new BodyLimits(1000, 512, 3));
        assertEquals(List.of("p0=v", "p1=v", "p2=v"), t.arguments);
        assertTrue(t.error().contains("Too many parts"), t.error());
    }

    @Test
    void fieldsBeyondTheNoFilesLimitStopParsingWithoutAnError() {
        String body = crlf("--XyZ", "Content-Disposition: form-data; name=a", "", "short",
                "--XyZ", "Content-Disposition: form-data; name=b", "", "x".repeat(3000),
                "--XyZ", "Content-Disposition: form-data; name=c", "", "never seen",
                "--XyZ--");
        RecordingTarget t = run(CT, body, new BodyLimits(1000, 512, 1000, 1000));
        assertEquals(1000, t.noFilesLimitExceeded);
        assertEquals(List.of("a=short"), t.arguments, "what came before the limit is reported, the rest not parsed");
        assertNull(t.error(), "stopping at the limit is not a malformed body");

        RecordingTarget unlimited = run(CT, body, new BodyLimits(1000, 512, 1000));
        assertEquals(-1, unlimited.noFilesLimitExceeded);
        assertEquals(3, unlimited.arguments.size());
    }

    @Test
    void fileContentsDoNotCountTowardsTheNoFilesLimit() {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            file.append("line ").append(i).append(" of an uploaded file, long enough to matter\r\n");
        }
        String body = crlf("--XyZ", "Content-Disposition: form-data; name=a", "", "v",
                "--XyZ", "Content-Disposition: form-data; name=f; filename=\"big.txt\"", "Content-Type: text/plain", "")
                + file + crlf("--XyZ--");
        RecordingTarget t = run(CT, body, new BodyLimits(1000, 512, 1000, 1000));
        assertTrue(body.length() > 10_000);
        assertEquals(-1, t.noFilesLimitExceeded);
        assertEquals(List.of("a=v"), t.arguments);
        assertEquals(1, t.files.size());
        assertNull(t.error());
    }

    @Test
    void tooManyHeaders() {
        String[] lines = new String[MultipartParser.MAX_HEADERS_PER_PART + 5];
        lines[0] = "--XyZ";
        for (int i = 1; i < lines.length; i++) {
            lines[i] = "X-H" + i + ": v";
        }
        RecordingTarget t = run(CT, crlf(lines));
        assertTrue(t.error().contains("Too many part headers"), t.error());
    }

    @Test
    void longHeaderLineIsAnError() {
        RecordingTarget t = run(CT, crlf("--XyZ", "Content-Disposition: form-data; name=" + "a".repeat(5000), "", "v",
                "--XyZ--"));
        assertTrue(t.error().contains("Part header line over 4096 bytes long"), t.error());
    }

    @Test
    void longDataLinesAreJoinedAgain() {
        String big = "x".repeat(10_000) + "\r" + "y".repeat(4094) + "\r\n" + "z";
        RecordingTarget t = run(CT, crlf("--XyZ", "Content-Disposition: form-data; name=a", "", big, "--XyZ--"));
        assertNull(t.error());
        assertEquals(List.of("a=" + big), t.arguments);
    }

    @Test
    void fileSizeCountsLongContent() {
        String content = "\u0000\u00ff\r\n".repeat(5000);
        RecordingTarget t = run(CT, crlf("--XyZ", "Content-Disposition: form-data; name=f; filename=b.bin", "",
                content, "--XyZ--"));
        assertNull(t.error());
        assertEquals(List.of("f=b.bin:" + content.length()), t.files);
    }

    @Test
    void nonAsciiFieldValue() {
        RecordingTarget t = run(CT, crlf("--XyZ", "Content-Disposition: form-data; name=\"n\u00e9\"", "",
                "\u00c3\u00a9", "--XyZ--"));
        assertEquals(List.of("n\u00e9=\u00c3\u00a9"), t.arguments);
    }

    @Test
    void lengthLimitsTheBody() {
        String body = crlf("--XyZ", "Content-Disposition: form-data; name=a", "", "v", "--XyZ--") + "GARBAGE";
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        RecordingTarget t = new RecordingTarget();
        new MultipartBodyProcessor().process(bytes, bytes.length - 7, CT, BodyLimits.DEFAULTS, t);
        assertNull(t.error());
        assertEquals(Set.of(), t.flags);
    }

    @Test
    void manyPartsStayFast() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            body.append(crlf("--XyZ", "Content-Disposition: form-data; name=p" + i, "", "v".repeat(100)));
        }
        body.append(crlf("--XyZ--"));
        long start = System.nanoTime();
        RecordingTarget t = run(CT, body.toString(), new BodyLimits(1000, 512, 1000)); // 150 KB of fields
        assertNull(t.error());
        assertEquals(1000, t.arguments.size());
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
    }
}
