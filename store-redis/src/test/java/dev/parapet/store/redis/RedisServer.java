package dev.parapet.store.redis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} on a free loopback port, started and stopped by a test. Tests that need
 * one are skipped with a message when {@code redis-server} is not installed
 * ({@code apt-get install redis-server}).
 */
public final class RedisServer implements AutoCloseable {

    private final Path executable;
    private final int port;
    private final Path dir;
    private Process process;

    private RedisServer(Path executable, int port, Path dir) {
        this.executable = executable;
        this.port = port;
        this.dir = dir;
    }

    /** Starts a server, or skips the calling test when there is no redis-server. */
    public static RedisServer startOrSkip() {
        Path exe = find();
        assumeTrue(exe != null, "redis-server is not installed (apt-get install redis-server); skipping Redis tests");
        try {
            RedisServer s = new RedisServer(exe, freePort(), Files.createTempDirectory("parapet-redis"));
            s.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException("could not start redis-server", e);
        }
    }

    /** The redis-server executable on PATH or in /usr/bin, or null. */
    public static Path find() {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin" + File.pathSeparator
                + "/usr/local/bin";
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, "redis-server");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the server (again) on the same port and waits until it answers PING. */
    public void start() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        process = new ProcessBuilder(List.of(executable.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString(),
                "--protected-mode", "yes"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (ping()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("redis-server exited: " + Files.readString(dir.resolve("redis.log")));
            }
            sleep(20);
        }
        throw new IOException("redis-server did not answer PING on port " + port);
    }

    /** Kills the server and waits until it is gone. */
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Freezes the server (SIGSTOP): connections stay open but nothing answers, like a hung server. */
    public void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** Lets a frozen server go on (SIGCONT). */
    public void thaw() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill " + signal + " failed");
        }
    }

    /** Removes every key (between tests). */
    public void flushAll() throws IOException {
        command("*1\r\n$8\r\nFLUSHALL\r\n");
    }

    private boolean ping() {
        try {
            return command("*1\r\n$4\r\nPING\r\n").startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private String command(String resp) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write(resp.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[64];
            int n = in.read(buf);
            return n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.US_ASCII);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
