/**
 * The one HTTP layer every route is written on: {@link org.rxradar.web.http.Router} maps method and
 * path to a {@link org.rxradar.web.http.Route}, answers 404, 405 with {@code Allow}, HEAD, 500 and
 * {@link org.rxradar.web.http.HttpProblem}s in one place and times each request;
 * {@link org.rxradar.web.http.Exchange} is the request and its answers;
 * {@link org.rxradar.web.http.Query} parses a query string once. No Jetty types: the server
 * ({@code web.server}) hands each complete request to the router.
 */
package org.rxradar.web.http;
