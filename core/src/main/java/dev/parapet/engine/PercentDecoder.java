package dev.parapet.engine;

/** Percent-decoding of a URI path into bytes; invalid escapes are kept as written. */
final class PercentDecoder {

    private PercentDecoder() {
    }

    static String decodePath(String path) {
        int p = path.indexOf('%');
        if (p < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length());
        out.append(path, 0, p);
        int n = path.length();
        for (int i = p; i < n; i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < n) {
                int hi = Character.digit(path.charAt(i + 1), 16);
                int lo = Character.digit(path.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.append((char) ((hi << 4) | lo));
                    i += 2;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
