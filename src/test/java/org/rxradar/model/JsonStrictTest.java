package org.rxradar.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rxradar.model.Subscriber;

/**
 * Records and lines read from outside are parsed strictly: a key given twice (one address to the
 * check, another to the mailer) and text after the value are refused, with a reason in words.
 */
class JsonStrictTest {
    @Test
    void aDuplicateKeyIsRefused() {
        byte[] record = "{\"email\":\"a@example.org\",\"email\":\"b@example.org\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Json.read(record, Subscriber.class)).isInstanceOf(IOException.class)
                .satisfies(e -> assertThat(Json.problem((Exception) e)).startsWith("duplicate key 'email'"));
        assertThatThrownBy(() -> Json.tree(record)).isInstanceOf(IOException.class);
    }

    @Test
    void textAfterTheValueIsRefused() {
        assertThatThrownBy(() -> Json.read("{\"id\":\"x\",\"kind\":\"news\"} {\"id\":\"y\"}", Item.class))
                .satisfies(e -> assertThat(Json.problem((Exception) e)).isEqualTo("more text after the JSON value (column 26)"));
        assertThatThrownBy(() -> Json.read("{\"id\":\"x\",\"kind\":\"news\"} trailing", Item.class))
                .satisfies(e -> assertThat(Json.problem((Exception) e)).isEqualTo("not JSON: unrecognized token 'trailing' (column 26)"));
        assertThatThrownBy(() -> Json.tree("{\"a\":1}{\"a\":2}")).isInstanceOf(IOException.class);
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] record = {'{', '"', 'e', 'm', 'a', 'i', 'l', '"', ':', '"', 'c', 'a', 'f', (byte) 0xE9, '@', 'x', '.', 'o', 'r', 'g', '"', '}'};
        assertThatThrownBy(() -> Json.read(record, Subscriber.class))
                .satisfies(e -> assertThat(Json.problem((Exception) e)).startsWith("not valid UTF-8"));
    }

    @Test
    void wellFormedRecordsStillReadAndUnknownFieldsAreIgnored() throws Exception {
        assertThat(Json.read("{\"id\":\"x\",\"kind\":\"news\",\"future\":1}".getBytes(StandardCharsets.UTF_8), Item.class).kind())
                .isEqualTo(Kind.NEWS);
        assertThat(Json.tree("  {\"a\":[1,2]}  \n").get("a").size()).isEqualTo(2);
    }

    @Test
    void problemsAreInWordsWithoutParserOrJavaNames() {
        assertThatThrownBy(() -> Json.read("{\"id\":\"x\",\"kind\":\"gig\"}", Item.class))
                .satisfies(e -> assertThat(Json.problem((Exception) e)).isEqualTo("'kind': unknown kind 'gig' (expected news or job)"));
        assertThatThrownBy(() -> Json.read("{\"id\":\"x\",\"kind\":\"news\",\"published\":\"yesterday\"}", Item.class))
                .satisfies(e -> assertThat(Json.problem((Exception) e)).startsWith("'published': 'yesterday' is not a valid value"));
        assertThatThrownBy(() -> Json.tree("{\"title\": nope}"))
                .satisfies(e -> assertThat(Json.problem((Exception) e)).startsWith("not JSON: ").doesNotContain("(code").contains("column"));
    }
}
