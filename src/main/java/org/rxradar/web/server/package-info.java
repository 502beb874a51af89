/**
 * The HTTP server under every route: {@link org.rxradar.web.server.NioHttpServer} runs Jetty's
 * NIO connector with the bounds of {@link org.rxradar.web.server.HttpLimits} (header and body
 * deadlines, sizes, connections per address) and hands each complete request to the
 * {@link org.rxradar.web.http.Router}, so the routes in {@code feeds}, {@code ops}, {@code web} and
 * {@code trend} need no Jetty types. {@link org.rxradar.web.server.HttpApi} is the process's server:
 * the built-in routes, the port, start and stop.
 */
package org.rxradar.web.server;
