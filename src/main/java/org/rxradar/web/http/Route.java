package org.rxradar.web.http;

import java.io.IOException;

/**
 * One route of the {@link Router}: answers a request through the {@link Exchange}. Throwing an
 * {@link HttpProblem} answers its status and text; anything else is answered 500.
 */
@FunctionalInterface
public interface Route {
    void handle(Exchange ex) throws IOException;
}
