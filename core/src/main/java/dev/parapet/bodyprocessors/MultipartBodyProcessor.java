package dev.parapet.bodyprocessors;

/**
 * The {@code MULTIPART} body processor ({@code multipart/form-data}), modelled on ModSecurity's
 * multipart parser ({@code msc_multipart.c} / {@code multipart.cc}).
 *
 * <p>Form fields become arguments; file parts become {@link BodyTarget#file} entries and never
 * arguments (their contents are only counted). Every part header line is reported through
 * {@link BodyTarget#multipartPartHeader}. Anomalies are reported as {@link MultipartFlag}s; fatal
 * problems as {@code error("Multipart parsing error: Multipart: …")}, after which parsing stops but
 * what was already parsed stays reported. The body is scanned in ModSecurity's 4096-byte line chunks,
 * so lines longer than that behave as they do in ModSecurity.
 *
 * <p>Deviations: at most {@link BodyLimits#maxParts()} parts and 100 headers per part are accepted
 * (more is an error); {@code MULTIPART_UNMATCHED_BOUNDARY} is only ever 1 (ModSecurity v2
 * semantics, not v3's value 2); files are never written to disk.
 */
public final class MultipartBodyProcessor implements BodyProcessor {

    /** Creates the processor; it is stateless. */
    public MultipartBodyProcessor() {
    }

    @Override
    public void process(byte[] body, int length, String contentType, BodyLimits limits, BodyTarget target) {
        byte[] bytes = body == null ? new byte[0] : body;
        int valid = Math.max(0, Math.min(length, bytes.length));
        new MultipartParser(bytes, valid, limits, target).run(contentType);
    }
}
