package dev.parapet.engine;

/**
 * Shared rules for integrations that answer an {@link Interruption} themselves (the servlet filter's block page,
 * the Lambda adapter's JSON reply): the reason phrase of a status and whether a redirect target may be sent in a
 * {@code Location} header.
 */
public final class BlockReplies {

    /** Longest redirect target sent as it is; a longer one is answered with a plain 403. */
    public static final int MAX_LOCATION_LENGTH = 2048;

    private BlockReplies() {
    }

    /** The reason phrase for a status a rule may give ({@code deny}, {@code redirect}, {@code status:}). */
    public static String reasonPhrase(int status) {
        return switch (status) {
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 413 -> "Content Too Large";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> status < 400 ? "Redirect" : status < 500 ? "Blocked" : "Server Error";
        };
    }

    /**
     * Whether a redirect target can go into a response header as it is: present, at most
     * {@link #MAX_LOCATION_LENGTH} characters, and free of control characters (no header splitting).
     */
    public static boolean isSafeLocation(String target) {
        if (target == null || target.isEmpty() || target.length() > MAX_LOCATION_LENGTH) {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
