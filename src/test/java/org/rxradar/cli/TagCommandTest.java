package org.rxradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.model.Json;
import picocli.CommandLine;

class TagCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new TagCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String l : out.toString().split("\n")) if (!l.isBlank()) nodes.add(Json.MAPPER.readTree(l));
        return nodes;
    }

    @Test
    void tagsEachLineAndKeepsTheInputFields() throws Exception {
        Path f = dir.resolve("items.jsonl");
        Files.writeString(f, """
                {"id":"a","kind":"job","title":"IV Pharmacy Technician","summary":"Compound IV admixtures in our inpatient cleanroom. CPhT required. $22 - $27/hr, nights; no weekends.","employer":"St. Mary Medical Center","location":"Reno, NV","extra":"kept"}
                {"id":"b","kind":"news","title":"Board adopts technician ratio rule","summary":"The board of pharmacy approved the rule."}
                {"title":"Pharmacy Technician"}
                """);
        assertThat(run(f.toString())).isZero();
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(3);
        JsonNode a = lines.get(0);
        assertThat(a.get("extra").asText()).isEqualTo("kept");
        assertThat(a.get("settings").toString()).isEqualTo("[\"hospital\"]");
        assertThat(a.get("topics").toString()).contains("compounding");
        assertThat(a.get("relevant").asBoolean()).isTrue();
        assertThat(a.get("salary").get("min").asDouble()).isEqualTo(22.0);
        assertThat(a.get("salary").get("unit").asText()).isEqualTo("HOUR");
        assertThat(a.get("certifications").toString()).isEqualTo("[{\"id\":\"PTCB-CPhT\",\"required\":true}]");
        assertThat(a.get("shift").toString()).isEqualTo("[\"NIGHT\"]");
        assertThat(a.get("location").get("state").asText()).isEqualTo("NV");
        assertThat(a.get("evidence").get("hospital").toString()).contains("inpatient");
        assertThat(lines.get(1).get("topics").toString()).isEqualTo("[\"regulation\"]");
        assertThat(lines.get(1).get("salary").isNull()).isTrue();
        assertThat(lines.get(2).get("relevant").asBoolean()).isTrue();
    }

    @Test
    void aBadLineIsReportedAndTheRestStillTagged() throws Exception {
        Path f = dir.resolve("items.jsonl");
        Files.writeString(f, "not json\n{\"id\":\"c\",\"kind\":\"gossip\"}\n{\"id\":\"d\",\"kind\":\"job\",\"title\":\"Pharmacy Technician\"}\n");
        assertThat(run(f.toString())).isEqualTo(1);
        assertThat(lines()).hasSize(1);
        assertThat(err.toString()).contains("line 1 skipped").contains("line 2 skipped").contains("unknown kind 'gossip'");
    }

    @Test
    void missingFileIsAClearError() {
        assertThat(run(dir.resolve("none.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such file");
    }
}
