package dev.parapet.lambda.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Builds {@link HttpResponseData} from the fields every HTTP response shape shares. */
public final class Responses {

    private Responses() {
    }

    /**
     * @param status the status code; 0 (unset) counts as 200, as HTTP APIs assume
     * @param single the {@code headers} map
     * @param multi the {@code multiValueHeaders} map: like API Gateway, its values win over {@code single}'s
     * @param cookies HTTP API {@code cookies}, sent as {@code Set-Cookie}
     * @param body the body text
     * @param base64 whether the body is base64; a body that does not decode is inspected as text
     */
    public static HttpResponseData of(int status, Map<String, String> single, Map<String, List<String>> multi,
            List<String> cookies, String body, boolean base64) {
        List<Header> headers = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        if (multi != null) {
            for (Map.Entry<String, List<String>> e : multi.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    continue;
                }
                seen.add(e.getKey().toLowerCase(Locale.ROOT));
                for (String v : e.getValue()) {
                    headers.add(new Header(e.getKey(), v));
                }
            }
        }
        if (single != null) {
            for (Map.Entry<String, String> e : single.entrySet()) {
                if (e.getKey() != null && !seen.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                    headers.add(new Header(e.getKey(), e.getValue()));
                }
            }
        }
        if (cookies != null) {
            for (String c : cookies) {
                if (c != null) {
                    headers.add(new Header("set-cookie", c));
                }
            }
        }
        return new HttpResponseData(status == 0 ? 200 : status, headers, decode(body, base64));
    }

    private static byte[] decode(String body, boolean base64) {
        if (body == null || body.isEmpty()) {
            return new byte[0];
        }
        if (base64) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                // The gateway will reject this response itself; inspect what the handler wrote.
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
