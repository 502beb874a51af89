package org.rxradar.trend;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.rxradar.bus.KafkaClients;

/**
 * One instance's trend stage alone, in a JVM of its own, for {@link TrendOwnerKillIT} to kill with
 * SIGKILL. Arguments: bootstrap servers, group prefix, instance id, the day that is "today" (UTC).
 */
public final class TrendStageChild {
    private TrendStageChild() {}

    public static void main(String[] args) {
        KafkaClients clients = new KafkaClients(args[0], args[1], Map.of(), args[2]);
        Clock clock = Clock.fixed(LocalDate.parse(args[3]).atTime(23, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        TrendStage stage = new TrendStage(clients, new TrendStore(), clock);
        System.out.println("trend stage " + args[2] + " started");
        stage.run();
    }
}
