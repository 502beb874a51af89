package org.rxradar.cli;

import java.io.PrintWriter;
import java.util.List;
import org.rxradar.model.Subscriber;
import org.rxradar.notify.NotifyRecord;

/** Opens {@code subscribers show}'s alert listing to tests in other packages. */
public final class SubscribersCommandAccess {
    private SubscribersCommandAccess() {}

    public static void printAlerts(PrintWriter out, Subscriber s, List<NotifyRecord> results) {
        SubscribersCommand.Show.printAlerts(out, s, results);
    }
}
