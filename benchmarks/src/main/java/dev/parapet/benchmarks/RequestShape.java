package dev.parapet.benchmarks;

import dev.parapet.benchmarks.HttpExchange.Header;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests of the engine benchmarks. The benign GET, form and JSON shapes are byte for byte the requests of
 * {@code shared/bench-shapes/*.lua} that the end-to-end comparison sends with wrk (plus the {@code Host} and
 * {@code Content-Length} headers wrk adds), so JMH and end-to-end figures describe the same work. Each benign
 * shape has an attack twin that CRS blocks at paranoia level 1, which measures the matching and blocking path.
 */
public enum RequestShape {

    /** {@code get-query.lua}: GET with 10 query arguments, Chrome-like headers and 3 cookies. */
    GET_QUERY(false, get(Shapes.GET_URI)),
    /** {@code post-form.lua}: 995-byte urlencoded form with 21 fields. */
    POST_FORM(false, post("/account/profile", Shapes.FORM, "application/x-www-form-urlencoded", Bodies.shapeForm())),
    /** {@code post-json.lua}: 2,058-byte JSON order with 82 leaf values. */
    POST_JSON(false, post("/api/v1/orders", Shapes.JSON, "application/json", Bodies.shapeJson())),
    /** A 64 KB multipart/form-data upload: two text fields and one CSV file. */
    POST_MULTIPART(false, post("/reports/upload", Shapes.FORM, Shapes.MULTIPART, Bodies.multipart(64 * 1024))),

    /** {@link #GET_QUERY} with a UNION-based SQL injection in {@code q}. */
    GET_QUERY_ATTACK(true, get(Shapes.GET_URI.replace("q=trail+running+shoes",
            "q=1%27+UNION+SELECT+username%2C+password+FROM+users--+"))),
    /** {@link #POST_FORM} with a script tag in the free-text field. */
    POST_FORM_ATTACK(true, post("/account/profile", Shapes.FORM, "application/x-www-form-urlencoded",
            replace(Bodies.shapeForm(), "bio=I+manage", "bio=%3Cscript%3Ealert%28document.cookie%29%3C%2Fscript%3E+I+manage"))),
    /** {@link #POST_JSON} with a tautology SQL injection in {@code notes}. */
    POST_JSON_ATTACK(true, post("/api/v1/orders", Shapes.JSON, "application/json",
            replace(Bodies.shapeJson(), "\"notes\": \"Delivery", "\"notes\": \"x' OR '1'='1' -- Delivery"))),
    /** A PHP web shell uploaded as {@code shell.php}. */
    POST_MULTIPART_ATTACK(true, post("/reports/upload", Shapes.FORM, Shapes.MULTIPART,
            Bodies.multipartFile("shell.php", "application/x-php", "<?php system($_GET['cmd']); ?>\n")));

    /** The body of every trivial backend response, here and in the end-to-end servers. */
    public static final String RESPONSE_BODY =
            "<!doctype html><html><head><title>OK</title></head><body><p>ok</p></body></html>\n";

    private final boolean attack;
    private final HttpExchange exchange;

    RequestShape(boolean attack, HttpExchange exchange) {
        this.attack = attack;
        this.exchange = exchange;
    }

    /** Whether CRS at paranoia level 1 must block this request. */
    public boolean attack() {
        return attack;
    }

    /** The request and the trivial backend's response. */
    public HttpExchange exchange() {
        return exchange;
    }

    /** A request with the given method, target, headers and body, answered by the trivial backend. */
    public static HttpExchange exchange(String method, String uri, List<Header> headers, byte[] body) {
        List<Header> all = new ArrayList<>(headers.size() + 2);
        all.add(new Header("Host", "localhost:8080"));
        all.addAll(headers);
        if (body.length > 0) {
            all.add(new Header("Content-Length", Integer.toString(body.length)));
        }
        byte[] response = RESPONSE_BODY.getBytes(StandardCharsets.ISO_8859_1);
        List<Header> responseHeaders = List.of(
                new Header("Content-Type", "text/html; charset=utf-8"),
                new Header("Content-Length", Integer.toString(response.length)));
        return new HttpExchange(method, uri, "HTTP/1.1", all, body, 200, responseHeaders, response);
    }

    private static HttpExchange get(String uri) {
        return exchange("GET", uri, Shapes.GET, new byte[0]);
    }

    private static HttpExchange post(String uri, List<Header> headers, String contentType, byte[] body) {
        List<Header> all = new ArrayList<>(headers);
        all.add(new Header("Content-Type", contentType));
        return exchange("POST", uri, all, body);
    }

    private static byte[] replace(byte[] body, String target, String replacement) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        if (!text.contains(target)) {
            throw new IllegalStateException("shape body lacks '" + target + "'");
        }
        return text.replace(target, replacement).getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Header lists of the shapes. A nested class, because enum constants are created before the enum's own
     * static fields; this holder is initialised on first use instead.
     */
    private static final class Shapes {
        static final String USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
        static final String COOKIE = "session_id=3f9a1c7e5b2d4f608a1b2c3d4e5f6a7b; cart_items=3; theme=dark";
        static final String MULTIPART = "multipart/form-data; boundary=" + Bodies.BOUNDARY;
        static final String GET_URI = "/shop/search?q=trail+running+shoes&category=sports&brand=acme&size=42"
                + "&color=blue&sort=price_asc&page=2&per_page=24&lang=en-US&utm_source=newsletter";
        static final List<Header> GET = List.of(
                new Header("User-Agent", USER_AGENT),
                new Header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,"
                        + "image/webp,image/apng,*/*;q=0.8"),
                new Header("Accept-Language", "en-US,en;q=0.9,de;q=0.8"),
                new Header("Accept-Encoding", "gzip, deflate, br"),
                new Header("Referer", "https://shop.example.com/shop/category/sports"),
                new Header("Cookie", COOKIE),
                new Header("Upgrade-Insecure-Requests", "1"),
                new Header("Sec-Fetch-Dest", "document"),
                new Header("Sec-Fetch-Mode", "navigate"),
                new Header("Sec-Fetch-Site", "same-origin"),
                new Header("Sec-Fetch-User", "?1"));
        static final List<Header> FORM = List.of(
                new Header("User-Agent", USER_AGENT),
                new Header("Accept-Language", "en-US,en;q=0.9,de;q=0.8"),
                new Header("Accept-Encoding", "gzip, deflate, br"),
                new Header("Origin", "https://shop.example.com"),
                new Header("Cookie", COOKIE),
                new Header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
                new Header("Referer", "https://shop.example.com/account/profile"));
        static final List<Header> JSON = List.of(
                new Header("User-Agent", USER_AGENT),
                new Header("Accept-Language", "en-US,en;q=0.9,de;q=0.8"),
                new Header("Accept-Encoding", "gzip, deflate, br"),
                new Header("Origin", "https://shop.example.com"),
                new Header("Cookie", COOKIE),
                new Header("Accept", "application/json"),
                new Header("Referer", "https://shop.example.com/checkout"),
                new Header("X-Requested-With", "XMLHttpRequest"));
    }
}
