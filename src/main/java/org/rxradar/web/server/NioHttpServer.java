package org.rxradar.web.server;

import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server every route runs on: Jetty's NIO connector in front of one JDK-style
 * {@link HttpHandler}. The JDK's own server reads request headers on its worker threads, so eight
 * clients sending a byte a second took all eight workers and nothing answered, {@code /health/live}
 * included. Here no thread waits on a client:
 * <ul>
 *   <li>Jetty's selector parses request lines and headers as bytes arrive; a head still incomplete
 *       after {@link HttpLimits#headerTimeout()} is closed ({@link RequestHeaderDeadline}), one larger
 *       than {@link HttpLimits#maxHeaderBytes()} is answered 431;</li>
 *   <li>the body is read asynchronously, in full and bounded ({@link HttpLimits#maxBodyBytes()}: 413),
 *       before a worker runs the route; one not complete after {@link HttpLimits#bodyTimeout()} is
 *       answered 408;</li>
 *   <li>one address holds at most {@link HttpLimits#maxConnectionsPerClient()} connections
 *       ({@link ConnectionsPerClient}); a silent connection closes after {@link HttpLimits#idleTimeout()}.</li>
 * </ul>
 * A route that throws, or returns without answering, gets a plain 500 and one log line; requests
 * Jetty refuses get a plain status text ({@link PlainErrorHandler}), never a Java exception's name.
 *
 * <p>Jetty's {@code jetty-http-spi} would give the same handlers, but it registers itself as the
 * JVM's {@code HttpServerProvider}, turning every other {@code HttpServer.create()} in the process
 * (the demo's sample site, test servers) into a Jetty server too; {@link JettyExchange} is the
 * small adapter it would have provided.
 */
public final class NioHttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NioHttpServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final HttpLimits limits;
    private final HttpHandler routes;
    private final ConnectionsPerClient perClient;

    /**
     * @param host   the address to listen on ("0.0.0.0" for all)
     * @param port   the port, or 0 for any free one
     * @param routes answers every request; runs on a worker thread once the whole request is in
     */
    public NioHttpServer(String host, int port, HttpLimits limits, HttpHandler routes) {
        this.limits = limits;
        this.routes = routes;
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), Math.min(8, limits.maxThreads()));
        threads.setName("http");
        threads.setDaemon(true);
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(limits.maxHeaderBytes());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.setAcceptQueueSize(256);
        perClient = new ConnectionsPerClient(limits.maxConnectionsPerClient());
        connector.addEventListener(perClient);
        server.addConnector(connector);
        server.addBean(new RequestHeaderDeadline(connector, limits.headerTimeout()));
        server.setErrorHandler(new PlainErrorHandler(limits));
        // bodies over the limit fail as they are read, declared (Content-Length) or chunked: 413
        SizeLimitHandler sizeLimit = new SizeLimitHandler(limits.maxBodyBytes(), -1);
        sizeLimit.setHandler(new Dispatch());
        server.setHandler(sizeLimit);
    }

    /** Opens the listening socket now, so a taken port shows before anything slow starts. Idempotent. */
    public void bind() throws IOException {
        connector.open();
    }

    /** Binds if not bound yet and starts answering. */
    public void start() throws IOException {
        bind();
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("HTTP server did not start: " + e.getMessage(), e);
        }
    }

    /** The port bound (the one picked when 0 was asked); -1 before {@link #bind()}. */
    public int port() {
        return connector.getLocalPort();
    }

    /** Connections closed since start because their address held too many. */
    public long refusedConnections() {
        return perClient.refused();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            log.debug("HTTP server stop: {}", e.toString());
        }
        connector.close(); // a server bound but never started still holds its port
    }

    /** Reads the request body without a thread, then runs the routes on a worker. */
    private final class Dispatch extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            CompletableFuture<byte[]> body = Content.Source.asByteArrayAsync(request, -1); // bounded by the SizeLimitHandler
            if (body.isDone()) { // no body, or all of it arrived with the headers
                serve(request, response, callback, body);
                return true;
            }
            AtomicBoolean taken = new AtomicBoolean();
            Scheduler.Task deadline = server.getScheduler().schedule(() -> {
                if (taken.compareAndSet(false, true)) {
                    callback.failed(new HttpException.RuntimeException(408, "request body not complete in time"));
                }
            }, limits.bodyTimeout().toMillis(), TimeUnit.MILLISECONDS);
            body.whenComplete((bytes, failure) -> {
                deadline.cancel();
                // completion may come on Jetty's selector thread, which must never run a route
                if (taken.compareAndSet(false, true)) server.getThreadPool().execute(() -> serve(request, response, callback, body));
            });
            return true;
        }

        private void serve(Request request, Response response, Callback callback, CompletableFuture<byte[]> body) {
            byte[] bytes;
            try {
                bytes = body.join();
            } catch (CompletionException e) {
                // 413 from the size limit, 400 for broken chunked encoding; else the client went away
                if (e.getCause() instanceof HttpException refused) Response.writeError(request, response, callback, refused.getCode());
                else callback.failed(e.getCause());
                return;
            }
            URI target;
            JettyExchange exchange;
            try {
                target = new URI(Objects.requireNonNullElse(request.getHttpURI().getPathQuery(), "/"));
                exchange = new JettyExchange(request, response, target, bytes);
            } catch (URISyntaxException | RuntimeException e) {
                // a target Jetty accepts but java.net.URI does not (a '|' or '{'), a header the JDK's Headers refuses
                Response.writeError(request, response, callback, 400);
                return;
            }
            try {
                routes.handle(exchange);
            } catch (IOException e) {
                log.debug("Client went away during {} {}: {}", request.getMethod(), target.getRawPath(), e.getMessage());
            } catch (RuntimeException e) {
                // one line, the path without its query (tokens travel there), no stack trace
                log.error("{} {} failed: {}", request.getMethod(), target.getRawPath(), e.toString());
            } finally {
                exchange.finish(callback); // also after an Error, so the connection is not left waiting
            }
        }
    }
}
