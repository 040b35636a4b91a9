package dev.parapet.lambda.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the client address. The gateway's own view (request context) is the default; a forwarding
 * header is read only when configured, and then from the right, since only the entries appended by
 * trusted proxies can be believed: anything further left is whatever the client chose to send.
 */
final class ClientIps {

    private ClientIps() {
    }

    static String resolve(GuardSettings settings, List<Header> headers, String contextIp) {
        String fallback = contextIp != null && isAddress(contextIp) ? contextIp : "";
        if (settings.clientIpHeader() == null) {
            return fallback;
        }
        List<String> entries = new ArrayList<>();
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(settings.clientIpHeader())) {
                for (String part : h.value().split(",", -1)) {
                    entries.add(part.strip());
                }
            }
        }
        int index = entries.size() - 1 - settings.trustedHops();
        if (index < 0) {
            return fallback;
        }
        String candidate = entries.get(index);
        return isAddress(candidate) ? candidate : fallback;
    }

    /** An IPv4 or IPv6 literal by its characters; enough to keep arbitrary header text out of REMOTE_ADDR. */
    static boolean isAddress(String s) {
        if (s.isEmpty() || s.length() > 45) {
            return false;
        }
        boolean separator = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' || c == ':') {
                separator = true;
            } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return separator;
    }
}
