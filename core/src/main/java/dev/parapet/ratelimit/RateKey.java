package dev.parapet.ratelimit;

import dev.parapet.ip.IpAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * What requests are counted together: by client address, a header, a cookie, a query argument, the
 * principal, the path, the method, or any combination ({@link #of(RateKey...)}). A request that lacks a
 * component of its key is not counted by that policy (as with AWS WAF's custom keys).
 *
 * <p>Values of headers, cookies and query arguments may be secrets (API keys, session ids), so they are
 * replaced by a SHA-256 digest before they reach a store or a log.
 */
public final class RateKey {

    private static final int MAX_PLAIN_LENGTH = 200;

    private final String name;
    private final Function<GuardedRequest, String> extractor;
    private final boolean sensitive;
    private final List<RateKey> parts;

    private RateKey(String name, Function<GuardedRequest, String> extractor, boolean sensitive, List<RateKey> parts) {
        this.name = name;
        this.extractor = extractor;
        this.sensitive = sensitive;
        this.parts = parts;
    }

    /** The client address behind trusted proxies (AWS WAF {@code IP} / {@code FORWARDED_IP}). */
    public static RateKey clientIp() {
        return new RateKey("ip", r -> r.clientIp() == null ? null : r.clientIp().toString(), false, null);
    }

    /**
     * The client's network, e.g. {@code clientNetwork(24, 64)}: IPv6 clients usually hold a whole /64,
     * so counting per address would let one client use billions of buckets.
     */
    public static RateKey clientNetwork(int ipv4Prefix, int ipv6Prefix) {
        if (ipv4Prefix < 0 || ipv4Prefix > 32 || ipv6Prefix < 0 || ipv6Prefix > 128) {
            throw new IllegalArgumentException("prefix out of range");
        }
        return new RateKey("net" + ipv4Prefix + "-" + ipv6Prefix, r -> {
            IpAddress a = r.clientIp();
            return a == null ? null : a.network(ipv4Prefix, ipv6Prefix).toString();
        }, false, null);
    }

    /** The direct peer's address, ignoring forwarding headers. */
    public static RateKey peerIp() {
        return new RateKey("peer", r -> {
            IpAddress a = IpAddress.parseOrNull(r.remoteAddress());
            return a == null ? null : a.toString();
        }, false, null);
    }

    /** The first value of a header (case-insensitive name). */
    public static RateKey header(String headerName) {
        String n = Objects.requireNonNull(headerName, "headerName").toLowerCase(Locale.ROOT);
        return new RateKey("header:" + n, r -> r.header(n), true, null);
    }

    /** The first value of a cookie. */
    public static RateKey cookie(String cookieName) {
        Objects.requireNonNull(cookieName, "cookieName");
        return new RateKey("cookie:" + cookieName, r -> r.cookie(cookieName), true, null);
    }

    /** The first value of a query-string argument. */
    public static RateKey queryArgument(String argumentName) {
        Objects.requireNonNull(argumentName, "argumentName");
        return new RateKey("arg:" + argumentName, r -> r.queryArgument(argumentName), true, null);
    }

    /** The whole query string (missing when the request has none). */
    public static RateKey queryString() {
        return new RateKey("query", GuardedRequest::queryString, true, null);
    }

    /** The authenticated principal ({@code REMOTE_USER}). */
    public static RateKey principal() {
        return new RateKey("user", GuardedRequest::remoteUser, false, null);
    }

    /** The decoded request path. */
    public static RateKey path() {
        return new RateKey("path", GuardedRequest::path, false, null);
    }

    /** The request method. */
    public static RateKey method() {
        return new RateKey("method", GuardedRequest::method, false, null);
    }

    /** One key for all requests in scope (AWS WAF {@code CONSTANT}): a global limit. */
    public static RateKey constant() {
        return new RateKey("all", r -> "*", false, null);
    }

    /** A custom key; {@code null} from the function means the request is not counted. */
    public static RateKey custom(String name, boolean sensitive, Function<GuardedRequest, String> extractor) {
        return new RateKey(Objects.requireNonNull(name, "name"), Objects.requireNonNull(extractor, "extractor"),
                sensitive, null);
    }

    /** A combination: requests are counted together only when every component is equal. */
    public static RateKey of(RateKey... components) {
        if (components.length == 0) {
            throw new IllegalArgumentException("a combined key needs components");
        }
        List<RateKey> list = List.of(components);
        StringBuilder n = new StringBuilder();
        for (RateKey k : list) {
            n.append(n.isEmpty() ? "" : "+").append(k.name);
        }
        return new RateKey(n.toString(), null, false, list);
    }

    /** A short name for store keys and logs, e.g. {@code ip+header:x-api-key}. */
    public String name() {
        return name;
    }

    /**
     * The key value of a request, safe to store and log, or {@code null} when a component is missing.
     */
    public String valueOf(GuardedRequest request) {
        if (parts == null) {
            String v = extractor.apply(request);
            if (v == null) {
                return null;
            }
            return sensitive || v.length() > MAX_PLAIN_LENGTH ? digest(v) : v;
        }
        StringBuilder sb = new StringBuilder();
        for (RateKey k : parts) {
            String v = k.valueOf(request);
            if (v == null) {
                return null;
            }
            // Length-prefixed, so that ("a|b", "c") and ("a", "b|c") stay apart.
            sb.append(v.length()).append(':').append(v).append('|');
        }
        return sb.length() > MAX_PLAIN_LENGTH ? digest(sb.toString()) : sb.toString();
    }

    static String digest(String value) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.ISO_8859_1));
            return "#" + Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
