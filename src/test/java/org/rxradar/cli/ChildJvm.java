package org.rxradar.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rxradar ARGS} in a JVM of its own, in a working directory of the test's, with its output
 * collected as it comes: for tests that need two real processes on one directory, or kill -9.
 */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        collect(process.getInputStream(), out, "child-stdout");
        collect(process.getErrorStream(), err, "child-stderr");
    }

    static ChildJvm start(Path workDir, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // surefire puts the test class path here; the booter's java.class.path may be a manifest-only jar
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", classPath, Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("RXRADAR_"));
        return new ChildJvm(pb.start());
    }

    private static void collect(InputStream stream, List<String> lines, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The first group of the first stdout line matching {@code pattern}, waiting up to {@code timeout} for it. */
    Optional<String> awaitOut(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : out()) {
                Matcher m = pattern.matcher(line);
                if (m.find()) return Optional.of(m.groupCount() > 0 ? m.group(1) : line);
            }
            if (!process.isAlive() && process.waitFor(100, TimeUnit.MILLISECONDS)) {
                Thread.sleep(200); // the last lines
                for (String line : out()) {
                    Matcher m = pattern.matcher(line);
                    if (m.find()) return Optional.of(m.groupCount() > 0 ? m.group(1) : line);
                }
                return Optional.empty();
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    /** The exit code, or empty when it is still running after {@code timeout}. */
    Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) return Optional.empty();
        Thread.sleep(200); // let the readers take the last lines
        return Optional.of(process.exitValue());
    }

    List<String> out() {
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    List<String> err() {
        synchronized (err) {
            return List.copyOf(err);
        }
    }

    /** What it printed, for assertion messages. */
    String transcript() {
        return "stdout:\n" + String.join("\n", out()) + "\nstderr:\n" + String.join("\n", err());
    }

    /** SIGTERM: the shutdown hooks run, as at Ctrl-C. */
    void stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) kill();
    }

    /** SIGKILL: nothing runs, as when the machine or the OOM killer stops it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
