package dev.parapet.servlet;

import dev.parapet.engine.Firewall;
import jakarta.servlet.http.HttpServlet;
import java.util.LinkedHashMap;
import java.util.Map;

/** Gives the Tomcat tests (in their own package and class path) the shared test application and rules. */
public final class TomcatAccess {
    private TomcatAccess() {
    }

    public static Firewall firewall() {
        return TestRules.firewall();
    }

    public static Map<String, HttpServlet> servlets() {
        Map<String, HttpServlet> m = new LinkedHashMap<>();
        m.put("/echo", new TestApp.Echo());
        m.put("/params", new TestApp.Params());
        m.put("/parts", new TestApp.Parts());
        m.put("/respond", new TestApp.Respond());
        m.put("/async", new TestApp.Async());
        return m;
    }

    public static byte[] request(String method, String target, String type, byte[] body, boolean chunked) {
        return RequestPassthroughTest.request(method, target, type, body, chunked);
    }

    public static byte[] binary(int size) {
        return RequestPassthroughTest.binary(size, size);
    }

    public static String multipartType() {
        return "multipart/form-data; boundary=" + RequestPassthroughTest.BOUNDARY;
    }

    public static byte[] multipart(byte[] file) {
        return RequestPassthroughTest.multipart(file);
    }

    public static String sha256(byte[] data) {
        return TestApp.sha256(data);
    }
}
