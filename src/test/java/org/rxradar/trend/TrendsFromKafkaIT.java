package org.rxradar.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.bus.Bus;
import org.rxradar.bus.Topics;
import org.rxradar.cli.TrendsCommand;
import org.rxradar.config.RxRadarConfig;
import picocli.CommandLine;

/** `rxradar trends` without a file prints the trends kept in the rxradar.trends topic of a real broker. */
class TrendsFromKafkaIT {
    @TempDir
    Path dir;

    @Test
    void printsTheSnapshotsThePipelineKeeps() throws Exception {
        TrendStream stream = new TrendStream(7L);
        RxRadarConfig.Kafka kafka = new RxRadarConfig.Kafka("", 1, null, new RxRadarConfig.Embedded(0, 0, dir.resolve("kafka").toString()), "it", null);
        try (Bus bus = Bus.open(kafka)) {
            TrendStore store = new TrendStore();
            stream.items.forEach(store::add);
            try (KafkaProducer<String, byte[]> producer = bus.clients().producer("it-trends")) {
                for (TrendSnapshot s : store.takeChanged()) producer.send(new ProducerRecord<>(Topics.TRENDS, s.key(), s.toJson()));
                producer.flush();
            }
            Path config = dir.resolve("rxradar.yml");
            Files.writeString(config, "kafka:\n  bootstrap-servers: \"" + bus.clients().bootstrapServers() + "\"\n");

            StringWriter out = new StringWriter(), err = new StringWriter();
            CommandLine cli = new CommandLine(new TrendsCommand());
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute("--config", config.toString(), "--days", "28", "--until", TrendStream.LAST.toString());

            assertThat(code).as(err.toString()).isZero();
            int leads = 0;
            for (var d = TrendStream.LAST.minusDays(27); !d.isAfter(TrendStream.LAST); d = d.plusDays(1))
                leads += stream.expected.get(d).relevantLeads;
            assertThat(out.toString()).contains(leads + " job leads", "usp 800");
        }
    }
}
