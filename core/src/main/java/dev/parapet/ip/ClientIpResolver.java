package dev.parapet.ip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Finds the client's address behind trusted reverse proxies. Forwarding headers are read from the right,
 * and only as far as the hops are trusted proxies: the first untrusted address is the client. A client
 * can therefore prepend whatever it likes to {@code X-Forwarded-For} without being believed.
 *
 * <pre>{@code
 * ClientIpResolver resolver = ClientIpResolver.builder()
 *     .trustedProxies("10.0.0.0/8", "fd00::/8")
 *     .header(ClientIpResolver.Header.X_FORWARDED_FOR)
 *     .build();
 * IpAddress client = resolver.resolve("10.0.0.7", List.of("203.0.113.9, 10.0.0.3"));  // 203.0.113.9
 * }</pre>
 *
 * <p>When the direct peer is not a trusted proxy, headers are ignored. An invalid or obfuscated hop
 * ({@code unknown}, {@code _hidden}, garbage) directly behind a trusted proxy stops the walk; the last
 * trusted hop is then the answer, and the value is counted in {@link #invalidValues()}. Thread-safe.
 */
public final class ClientIpResolver {

    /** The forwarding header to read. */
    public enum Header {
        /** Ignore headers: the direct peer is the client. */
        NONE,
        /** RFC 7239 {@code Forwarded: for=...}. */
        FORWARDED,
        /** {@code X-Forwarded-For: client, proxy1, proxy2}. */
        X_FORWARDED_FOR
    }

    /** The most hops read from a header; longer chains are cut on the left. */
    public static final int DEFAULT_MAX_HOPS = 32;

    private static final int MAX_HEADER_CHARS = 8192;

    private final CidrSet<Boolean> trusted;
    private final Header header;
    private final String headerName;
    private final int maxHops;
    private final LongAdder invalid = new LongAdder();

    private ClientIpResolver(Builder b) {
        this.trusted = b.trusted;
        this.header = b.header;
        this.headerName = b.customHeader != null ? b.customHeader
                : b.header == Header.FORWARDED ? "forwarded" : "x-forwarded-for";
        this.maxHops = b.maxHops;
    }

    /** A resolver that trusts no proxy: the direct peer is always the client. */
    public static ClientIpResolver direct() {
        return builder().header(Header.NONE).build();
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The lower-case name of the header this resolver reads, or {@code null} for {@link Header#NONE}. */
    public String headerName() {
        return header == Header.NONE ? null : headerName;
    }

    /**
     * The client address.
     *
     * @param remoteAddress the direct peer's address as the server saw it
     * @param headerValues every value of {@link #headerName()} in arrival order (empty when absent)
     * @return the client, or {@code null} when even the peer address is invalid
     */
    public IpAddress resolve(String remoteAddress, List<String> headerValues) {
        IpAddress peer = IpAddress.parseOrNull(stripBrackets(remoteAddress));
        if (peer == null || header == Header.NONE || headerValues == null || headerValues.isEmpty()
                || !trusted.contains(peer)) {
            return peer;
        }
        List<String> hops = hops(headerValues);
        IpAddress current = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            IpAddress hop = parseHop(hops.get(i));
            if (hop == null) {
                invalid.increment();
                return current;
            }
            current = hop;
            if (!trusted.contains(hop)) {
                return hop;
            }
        }
        return current; // every hop is a trusted proxy: the leftmost is as far as we can see
    }

    /** How many header values were ignored as invalid so far. */
    public long invalidValues() {
        return invalid.sum();
    }

    /** The comma-separated hops of all values, left to right, at most {@code maxHops} from the right. */
    private List<String> hops(List<String> values) {
        StringBuilder joined = new StringBuilder();
        for (String v : values) {
            if (v != null) {
                joined.append(joined.isEmpty() ? "" : ",").append(v);
            }
        }
        String all = joined.toString();
        if (all.length() > MAX_HEADER_CHARS) {
            // Keep the rightmost part: that is where the trusted proxies wrote.
            all = all.substring(all.length() - MAX_HEADER_CHARS);
            int comma = all.indexOf(',');
            all = comma < 0 ? "" : all.substring(comma + 1);
        }
        List<String> out = new ArrayList<>();
        splitElements(all, out);
        if (out.size() > maxHops) {
            return out.subList(out.size() - maxHops, out.size());
        }
        return out;
    }

    /** Splits on commas outside quoted strings (a Forwarded element may quote a comma). */
    private static void splitElements(String v, List<String> out) {
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted) {
                i++;
            } else if (c == ',' && !quoted) {
                out.add(v.substring(start, i));
                start = i + 1;
            }
        }
        out.add(v.substring(start));
    }

    private IpAddress parseHop(String element) {
        String value = header == Header.FORWARDED ? forParameter(element) : element.strip();
        if (value == null) {
            return null;
        }
        return IpAddress.parseOrNull(stripPort(value));
    }

    /** The value of {@code for=} in one Forwarded element ({@code for=1.2.3.4;proto=https}), unquoted. */
    private static String forParameter(String element) {
        for (String pair : element.split(";")) {
            String p = pair.strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("for")) {
                String v = p.substring(eq + 1).strip();
                if (v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
                    v = v.substring(1, v.length() - 1).replace("\\", "");
                }
                return v;
            }
        }
        return null;
    }

    /** {@code [v6]:port} → {@code v6}, {@code v4:port} → {@code v4}; a bare IPv6 literal is kept. */
    static String stripPort(String v) {
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            if (close < 0) {
                return v;
            }
            String rest = v.substring(close + 1);
            if (!rest.isEmpty() && !(rest.charAt(0) == ':' && isPort(rest.substring(1)))) {
                return v; // junk after the bracket: leave it invalid
            }
            return v.substring(1, close);
        }
        int colon = v.indexOf(':');
        if (colon > 0 && colon == v.lastIndexOf(':') && isPort(v.substring(colon + 1))) {
            return v.substring(0, colon);
        }
        return v;
    }

    private static String stripBrackets(String v) {
        if (v != null && v.length() > 2 && v.charAt(0) == '[' && v.charAt(v.length() - 1) == ']') {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static boolean isPort(String s) {
        if (s.isEmpty() || s.length() > 5) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return Integer.parseInt(s) <= 65535;
    }

    /** Configures a resolver; not thread-safe. */
    public static final class Builder {
        private CidrSet<Boolean> trusted = CidrSet.empty();
        private Header header = Header.X_FORWARDED_FOR;
        private String customHeader;
        private int maxHops = DEFAULT_MAX_HOPS;

        private Builder() {
        }

        /** The proxies whose forwarding headers are believed, as addresses or CIDR networks. */
        public Builder trustedProxies(String... networks) {
            this.trusted = CidrSet.parse(networks);
            return this;
        }

        /** The proxies whose forwarding headers are believed. */
        public Builder trustedProxies(CidrSet<Boolean> networks) {
            this.trusted = Objects.requireNonNull(networks, "networks");
            return this;
        }

        /** Which header to read (default {@link Header#X_FORWARDED_FOR}). */
        public Builder header(Header header) {
            this.header = Objects.requireNonNull(header, "header");
            this.customHeader = null;
            return this;
        }

        /**
         * Reads an {@code X-Forwarded-For}-style header of another name, e.g. {@code X-Real-IP} or
         * {@code CF-Connecting-IP}, still only from trusted proxies.
         */
        public Builder header(String name) {
            this.header = Header.X_FORWARDED_FOR;
            this.customHeader = Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT);
            return this;
        }

        /** The most hops read from the right (default {@value #DEFAULT_MAX_HOPS}). */
        public Builder maxHops(int hops) {
            if (hops < 1) {
                throw new IllegalArgumentException("maxHops must be at least 1");
            }
            this.maxHops = hops;
            return this;
        }

        /** Builds the resolver. */
        public ClientIpResolver build() {
            return new ClientIpResolver(this);
        }
    }
}
