package org.rxradar.digest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small real SMTP server on a loopback port whose replies to MAIL, RCPT or end-of-DATA can be
 * scripted per connection ("the first connection gets 451 at RCPT"), to test how a client
 * handles temporary and permanent refusals. Accepted messages are kept.
 */
final class ScriptedSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread acceptor;
    /** connection number (1-based) and command ("MAIL", "RCPT", "DATA") to the reply sent instead of success. */
    private final Map<String, String> script = new ConcurrentHashMap<>();
    /** recipient address (lower case) to the reply its RCPT gets on every connection. */
    private final Map<String, String> refused = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger acceptedCount = new AtomicInteger();
    private volatile boolean keepMessages = true;
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();

    ScriptedSmtpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Count accepted messages without keeping them (for throughput runs). */
    ScriptedSmtpServer discardMessages() {
        keepMessages = false;
        return this;
    }

    int acceptedCount() {
        return acceptedCount.get();
    }

    List<String> accepted() {
        return accepted;
    }

    List<String> commands() {
        return commands;
    }

    int connections() {
        return connections.get();
    }

    /** On connection {@code n}, answer {@code command} with {@code reply} (e.g. "451 4.3.0 try later"). */
    ScriptedSmtpServer onConnection(int n, String command, String reply) {
        script.put(n + ":" + command, reply);
        return this;
    }

    /** Answer RCPT TO this address with {@code reply} (e.g. "550 5.1.1 user unknown"), on every connection. */
    ScriptedSmtpServer refuseRecipient(String address, String reply) {
        refused.put(address.toLowerCase(java.util.Locale.ROOT), reply);
        return this;
    }

    /** Undoes {@link #refuseRecipient}. */
    ScriptedSmtpServer acceptRecipient(String address) {
        refused.remove(address.toLowerCase(java.util.Locale.ROOT));
        return this;
    }

    private String rcptReply(int n, String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<([^>]*)>").matcher(line);
        if (m.find() && refused.containsKey(m.group(1).toLowerCase(java.util.Locale.ROOT))) return refused.get(m.group(1).toLowerCase(java.util.Locale.ROOT));
        return script.getOrDefault(n + ":RCPT", "250 2.1.5 ok");
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                s.setTcpNoDelay(true);
                int n = connections.incrementAndGet();
                Thread t = new Thread(() -> serve(s, n), "scripted-smtp-" + n);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s, int n) {
        try (s; var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
             OutputStream out = s.getOutputStream()) {
            reply(out, "220 scripted.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                commands.add(n + ":" + line);
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (verb) {
                    case "EHLO" -> reply(out, "250-scripted.test\r\n250 8BITMIME");
                    case "HELO" -> reply(out, "250 scripted.test");
                    case "MAIL" -> reply(out, script.getOrDefault(n + ":MAIL", "250 2.1.0 ok"));
                    case "RCPT" -> reply(out, rcptReply(n, line));
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        StringBuilder body = new StringBuilder();
                        String l;
                        while ((l = in.readLine()) != null && !l.equals(".")) body.append(l).append("\r\n");
                        if (l == null) return; // the client went away before the end of the data: nothing accepted
                        String r = script.get(n + ":DATA");
                        if (r == null) {
                            acceptedCount.incrementAndGet();
                            if (keepMessages) accepted.add(body.toString());
                        }
                        reply(out, r != null ? r : "250 2.0.0 queued");
                    }
                    case "RSET", "NOOP" -> reply(out, "250 ok");
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.1 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
