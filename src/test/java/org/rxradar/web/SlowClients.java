package org.rxradar.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Abusive HTTP clients on raw sockets, each from a loopback address of its own (127.0.0.x, so
 * that a per-address connection limit does not hide the problem): some drip a request header one
 * byte a second, some send half a request line and go silent, some send complete headers of a
 * POST and then drip its body. A single thread drips for all of them. Bounded: the drip stops
 * when {@link #close()} is called, and every socket is closed then.
 */
final class SlowClients implements AutoCloseable {
    enum Kind { DRIP_HEADER, HALF_REQUEST_LINE, SLOW_BODY }

    /** One connection and what it does. */
    static final class Client {
        final Kind kind;
        final Socket socket;
        private final byte[] script;
        private int sent;

        Client(Kind kind, Socket socket, byte[] script) {
            this.kind = kind;
            this.socket = socket;
            this.script = script;
        }

        /** True when the server has closed the connection, after reading (and ignoring) whatever it answered first. */
        boolean closedByServer(int waitMillis) {
            try {
                socket.setSoTimeout(waitMillis);
                InputStream in = socket.getInputStream();
                byte[] buf = new byte[4096];
                while (true) {
                    int n = in.read(buf);
                    if (n < 0) return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true; // reset by the server
            }
        }

        /** The first line the server answered with, or null when it closed without a word or said nothing yet. */
        String statusLine(int waitMillis) {
            try {
                socket.setSoTimeout(waitMillis);
                InputStream in = socket.getInputStream();
                StringBuilder line = new StringBuilder();
                int c;
                while ((c = in.read()) >= 0 && c != '\n') line.append((char) c);
                return line.length() == 0 ? null : line.toString().trim();
            } catch (IOException e) {
                return null;
            }
        }

        private void dripOne() {
            if (sent >= script.length || socket.isClosed()) return;
            try {
                OutputStream out = socket.getOutputStream();
                out.write(script[sent++]);
                out.flush();
            } catch (IOException e) {
                sent = script.length; // the server closed it: nothing more to send
            }
        }
    }

    final List<Client> clients = new ArrayList<>();
    private final ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "slow-clients");
        t.setDaemon(true);
        return t;
    });
    private final int port;

    SlowClients(int port) {
        this.port = port;
        drip.scheduleAtFixedRate(this::dripAll, 1, 1, TimeUnit.SECONDS);
    }

    /** Opens {@code count} connections of one kind from 127.0.0.{firstHost}, 127.0.0.{firstHost+1}, …, or all from one address. */
    List<Client> open(Kind kind, int count, int firstHost, boolean sameAddress) throws IOException {
        List<Client> opened = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket s = new Socket();
            s.bind(new InetSocketAddress("127.0.0." + (sameAddress ? firstHost : firstHost + i), 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            Client c = new Client(kind, s, script(kind));
            if (kind != Kind.DRIP_HEADER) {
                // everything up to the slow part goes at once
                int upfront = kind == Kind.HALF_REQUEST_LINE ? c.script.length : headerLength(c.script);
                s.getOutputStream().write(c.script, 0, upfront);
                s.getOutputStream().flush();
                c.sent = upfront;
            }
            synchronized (clients) {
                clients.add(c);
            }
            opened.add(c);
        }
        return opened;
    }

    private static byte[] script(Kind kind) {
        String s = switch (kind) {
            case DRIP_HEADER -> "GET /feeds/jobs.atom HTTP/1.1\r\nHost: localhost\r\nUser-Agent: slow\r\nAccept: */*\r\n"
                    + "X-Padding: " + "a".repeat(4000) + "\r\n\r\n";
            case HALF_REQUEST_LINE -> "GET /feeds/jobs.at";
            case SLOW_BODY -> "POST /subscriptions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 1000\r\n\r\n" + "email=slow%40example.org&settings=hospital&x=" + "a".repeat(955);
        };
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static int headerLength(byte[] script) {
        String s = new String(script, StandardCharsets.US_ASCII);
        return s.indexOf("\r\n\r\n") + 4;
    }

    private void dripAll() {
        List<Client> now;
        synchronized (clients) {
            now = new ArrayList<>(clients);
        }
        for (Client c : now) if (c.kind != Kind.HALF_REQUEST_LINE) c.dripOne();
    }

    @Override
    public void close() {
        drip.shutdownNow();
        synchronized (clients) {
            for (Client c : clients) {
                try {
                    c.socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }
}
