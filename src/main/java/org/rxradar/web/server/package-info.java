/**
 * The HTTP server under every route: {@link org.rxradar.web.server.NioHttpServer} runs Jetty's
 * NIO connector with the bounds of {@link org.rxradar.web.server.HttpLimits} (header and body
 * deadlines, sizes, connections per address) and hands each complete request to a JDK-style
 * {@code HttpHandler}, so the routes in {@code feeds}, {@code web} and {@code trend} need no Jetty types.
 */
package org.rxradar.web.server;
