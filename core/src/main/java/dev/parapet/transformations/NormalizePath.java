package dev.parapet.transformations;

/**
 * {@code t:normalizePath} (alias {@code normalisePath}): removes self references ({@code ./}) and
 * empty segments ({@code //}), resolves back references ({@code ../}) without going above the root of
 * an absolute path (a relative path keeps leading {@code ../} it cannot resolve), and keeps a trailing
 * slash only when the input had one. Follows ModSecurity's {@code normalize_path_inplace}.
 */
public final class NormalizePath implements Transformation {

    @Override
    public String name() {
        return "normalizePath";
    }

    @Override
    public String apply(String input) {
        if (input.isEmpty() || (input.indexOf('.') < 0 && input.indexOf("//") < 0) || oneSegment(input)) {
            return input;
        }
        return ByteChars.sameIfEqual(input, normalize(input.toCharArray()));
    }

    /**
     * Whether a path without any slash comes out of {@link #normalize} unchanged: a single segment, which only
     * the end-of-buffer check for {@code .} and {@code ..} (it looks at the last characters alone, as
     * ModSecurity does) can change. Numbers, host names and e-mail addresses in JSON values take this way
     * without a copy.
     */
    static boolean oneSegment(String path) {
        return path.indexOf('/') < 0 && path.charAt(path.length() - 1) != '.';
    }

    /** Normalises {@code buf} (which uses '/' as separator) in place and returns the result. */
    static String normalize(char[] buf) {
        final int end = buf.length - 1;
        final boolean relative = buf[0] != '/';
        final boolean trailing = buf[end] == '/';
        int src = 0;
        int dst = 0;
        boolean hitRoot = false;
        boolean done = false;
        while (!done && src <= end && dst <= end) {
            boolean skipNormalization = false;
            if (src == end) {
                done = true;
            } else if (buf[src + 1] != '/') {
                skipNormalization = true; // not at the end of a path segment
            }
            if (!skipNormalization) {
                if (src != end && buf[src] == '/') {
                    // empty segment: the copy step below collapses repeated slashes
                } else if (buf[src] == '.') {
                    if (dst > 0 && buf[dst - 1] == '.') {
                        // Back reference.
                        if (relative && (hitRoot || dst - 2 <= 0)) {
                            // Nothing to go back to in a relative path: keep "..".
                            hitRoot = true;
                        } else {
                            dst -= 3;
                            while (dst > 0 && buf[dst] != '/') {
                                dst--;
                            }
                            if (dst <= 0) {
                                hitRoot = true;
                                dst = 0;
                                if (!relative && src == end) {
                                    dst++; // keep the root slash
                                }
                            }
                            if (done) {
                                continue;
                            }
                            src++;
                        }
                    } else if (dst == 0) {
                        // Relative self reference.
                        if (done) {
                            continue;
                        }
                        src++;
                    } else if (buf[dst - 1] == '/') {
                        // Self reference.
                        if (done) {
                            continue;
                        }
                        dst--;
                        src++;
                    }
                } else if (dst > 0) {
                    hitRoot = false; // a regular path segment
                }
            }
            // Copy step: collapse repeated slashes to the last one.
            if (buf[src] == '/') {
                while (src < end && buf[src + 1] == '/') {
                    src++;
                }
                if (relative && dst == 0) {
                    src++; // a relative path never starts with a slash
                    continue;
                }
            }
            buf[dst++] = buf[src++];
        }
        if (!trailing && dst > 0 && buf[dst - 1] == '/') {
            dst--;
        }
        return new String(buf, 0, dst);
    }
}
