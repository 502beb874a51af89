package org.rxradar.fetch;

import java.util.Map;

/**
 * One fetch instance in a JVM of its own ({@link SharedFetchIT}'s kill -9): args bootstrap servers,
 * group prefix, the feed site's port, instance id. Polls its sources until killed.
 */
public final class FetchInstanceMain {
    private FetchInstanceMain() {}

    public static void main(String[] args) throws Exception {
        FetchGroup group = SharedFetchIT.open(args[0], args[1], Integer.parseInt(args[2]), args[3], Map.of());
        group.start();
        String last = "";
        while (true) {
            String now = group.ownedPartitions().toString();
            if (!now.equals(last)) System.out.println("OWNS " + now);
            last = now;
            Thread.sleep(200);
        }
    }
}
