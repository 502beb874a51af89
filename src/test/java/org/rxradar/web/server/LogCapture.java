package org.rxradar.web.server;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every log event of the process while open, for tests that check what the operator's log says (and what it must not). */
public final class LogCapture implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    /** Events at WARN or above, as they were logged. */
    public List<ILoggingEvent> warnings() {
        synchronized (appender.list) {
            return new ArrayList<>(appender.list).stream().filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)).toList();
        }
    }

    /** Every event's message with its arguments filled in, and a throwable's stack when one was logged. */
    public String text() {
        StringBuilder out = new StringBuilder();
        synchronized (appender.list) {
            for (ILoggingEvent e : appender.list) {
                out.append(e.getLevel()).append(' ').append(e.getFormattedMessage()).append('\n');
                if (e.getThrowableProxy() != null) out.append("  stack: ").append(e.getThrowableProxy().getClassName()).append('\n');
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
    }
}
