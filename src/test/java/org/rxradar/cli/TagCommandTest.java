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

    /**
     * Each bad line is one line on stderr naming its number and what is wrong in words (no parser
     * internals, no Java types), and every good line is still tagged: a truncated object, text that
     * is not JSON, bytes that are not UTF-8, a key given twice, and garbage after the object.
     */
    @Test
    void everyBadLineIsOneReadableLineAndTheRestIsTagged() throws Exception {
        Path f = dir.resolve("items.jsonl");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes("{\"id\":\"ok1\",\"title\":\"Pharmacy Technician\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bytes.writeBytes("{\"id\":\"cut\",\"title\":\"IV Tech\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bytes.writeBytes("<item>not json</item>\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', 'c', 'a', 'f', (byte) 0xE9, '"', '}', '\n'});
        bytes.writeBytes("{\"id\":\"dup\",\"kind\":\"news\",\"kind\":\"job\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bytes.writeBytes("{\"id\":\"trail\",\"title\":\"Pharmacy Technician\"} {\"id\":\"x\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bytes.writeBytes("{\"id\":\"ok2\",\"title\":\"Pharmacy Technician\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.write(f, bytes.toByteArray());

        assertThat(run(f.toString())).isEqualTo(1);
        assertThat(lines()).extracting(n -> n.get("id").asText()).containsExactly("ok1", "ok2");
        List<String> problems = err.toString().lines().toList();
        assertThat(problems).hasSize(5);
        assertThat(problems.get(0)).startsWith("tag: line 2 skipped: ").contains("ends too early");
        assertThat(problems.get(1)).startsWith("tag: line 3 skipped: ").contains("not JSON").contains("'<'");
        assertThat(problems.get(2)).startsWith("tag: line 4 skipped: ").contains("not valid UTF-8");
        assertThat(problems.get(3)).startsWith("tag: line 5 skipped: ").contains("duplicate key 'kind'");
        assertThat(problems.get(4)).startsWith("tag: line 6 skipped: ").contains("more text after the JSON value");
        for (String p : problems)
            assertThat(p).doesNotContain("`", "com.fasterxml", "java.", "(code ", "Source:", "REDACTED", "Exception");
    }

    @Test
    void missingFileIsAClearError() {
        assertThat(run(dir.resolve("none.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such file");
    }
}
