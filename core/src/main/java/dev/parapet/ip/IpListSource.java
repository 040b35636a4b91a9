package dev.parapet.ip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Where an IP list comes from: a file, a URL, or fixed entries. Loads are bounded in size and time. */
public sealed interface IpListSource {

    /** The largest list accepted (64 MiB; FireHOL's biggest sets are a few MiB). */
    long MAX_BYTES = 64L << 20;

    /** A name for logs. */
    String name();

    /**
     * Reads and parses the list.
     *
     * @throws IOException when the list cannot be read, is too large, or {@linkplain IpList#looksBroken looks broken}
     */
    IpList load() throws IOException;

    /** A local file, read again on each reload. */
    static IpListSource file(Path path) {
        return new FileSource(path);
    }

    /** An HTTP(S) URL fetched on each reload with a 30 s timeout. */
    static IpListSource url(URI uri) {
        return new UrlSource(uri, Duration.ofSeconds(30));
    }

    /** An HTTP(S) URL fetched on each reload with the given timeout. */
    static IpListSource url(URI uri, Duration timeout) {
        return new UrlSource(uri, timeout);
    }

    /** Fixed entries (addresses or CIDR networks). */
    static IpListSource of(String name, List<String> entries) {
        return new FixedSource(name, List.copyOf(entries));
    }

    /** A file. */
    record FileSource(Path path) implements IpListSource {
        public FileSource {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String name() {
            return path.toString();
        }

        @Override
        public IpList load() throws IOException {
            try (InputStream in = Files.newInputStream(path)) {
                return read(name(), in);
            }
        }
    }

    /** A URL. */
    record UrlSource(URI uri, Duration timeout) implements IpListSource {
        public UrlSource {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(timeout, "timeout");
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("IP list URL must be http or https: " + uri);
            }
        }

        @Override
        public String name() {
            return uri.toString();
        }

        @Override
        public IpList load() throws IOException {
            HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
            try {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = response.body()) {
                    if (response.statusCode() != 200) {
                        throw new IOException("HTTP " + response.statusCode() + " from " + uri);
                    }
                    return read(name(), in);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while fetching " + uri, e);
            } finally {
                client.close();
            }
        }
    }

    /** Fixed entries. */
    record FixedSource(String name, List<String> entries) implements IpListSource {
        @Override
        public IpList load() throws IOException {
            IpList list = IpList.parse(name, entries);
            if (list.invalidLines() > 0) {
                throw new IOException(list.invalidLines() + " invalid entries in " + name);
            }
            return list;
        }
    }

    private static IpList read(String name, InputStream raw) throws IOException {
        List<String> lines = new ArrayList<>();
        long[] total = {0};
        InputStream bounded = new InputStream() {
            @Override
            public int read() throws IOException {
                int b = raw.read();
                if (b >= 0 && ++total[0] > MAX_BYTES) {
                    throw new IOException(name + " is larger than " + MAX_BYTES + " bytes");
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = raw.read(buf, off, len);
                if (n > 0 && (total[0] += n) > MAX_BYTES) {
                    throw new IOException(name + " is larger than " + MAX_BYTES + " bytes");
                }
                return n;
            }
        };
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(bounded, StandardCharsets.ISO_8859_1))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        IpList list = IpList.parse(name, lines);
        if (list.looksBroken()) {
            throw new IOException(name + " looks broken: " + list.invalidLines() + " invalid lines, "
                    + list.networks().size() + " valid");
        }
        return list;
    }
}
