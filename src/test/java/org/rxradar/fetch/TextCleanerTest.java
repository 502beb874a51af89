package org.rxradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** The tag-stripping shortcut and the one-pass whitespace clean-up give exactly what jsoup and the old regexes gave. */
class TextCleanerTest {
    private static final List<String> FRAGMENTS = List.of(
            "<p>Hospital pharmacy technicians wanted, IV certification a plus.</p>",
            "<p>a</p><p>b</p>", "a<b>b</b>c", "a<br>b", "a<br/>b", "<div>a<p>b</p>c</div>d", "<ul><li>one<li>two</ul>after",
            "<P CLASS=x>Upper</P>case", "<a href=\"http://x/?a>b\">link</a> text", "<a href='x'>q</a>",
            "  lots \n\t of   <em>white</em>space  ", "<h2>Title</h2>Body <strong>bold</strong>.", "<span><p>block in inline</p></span>x",
            "<b>a</i>b<p>c", "</b>stray", "<b/>x<p>y", "<p/>a<p>b", "a < b > c", "<!-- c -->x", "<table><tr><td>a</td></tr></table>b",
            "x &amp; y", "a\u00a0b", "a\u200bb", "soft\u00adhyphen", "<img src=x alt=y>text", "<pre>  keep  </pre>", "<a:b>ns</a:b>",
            "<p>unclosed", "<", "<>", "</>", "<p", "a\rb\u000bc\u0007d", "<p>a\rb\fc\u000bd</p>", "<li>x</li>\n<li>y</li>", "<blockquote>q</blockquote>z");

    @Test
    void shortcutMatchesJsoupOnHandPickedFragments() {
        for (String html : FRAGMENTS) assertSameAsJsoup(html);
    }

    @Test
    void shortcutMatchesJsoupOnEveryDescriptionInTheCorpus() throws IOException {
        Path corpus = Path.of("/work/shared/corpus");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(corpus), "corpus absent");
        Pattern element = Pattern.compile("<(description|summary|content|title)[^>]*>(.*?)</\\1>", Pattern.DOTALL);
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String xml = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8);
                Matcher m = element.matcher(xml);
                while (m.find()) texts.add(Parser.unescapeEntities(m.group(2).replace("<![CDATA[", "").replace("]]>", ""), false));
            }
        }
        assertThat(texts).hasSizeGreaterThan(100);
        for (String html : texts) assertSameAsJsoup(html);
    }

    @Test
    void normaliseMatchesTheRegexes() {
        for (String s : List.of("", " ", "a", " a ", "a  b", "a\u00a0\u00a0b", "\ta\nb\r\nc", "x\u0000y\u007fz", "\u000b a \f", "é  ü")) {
            String old = s.replace('\u00a0', ' ').replaceAll("[\\p{Cntrl}&&[^\n\t]]", "").replaceAll("\\s+", " ").trim();
            assertThat(TextCleaner.normalise(s)).as("[%s]", s).isEqualTo(old);
        }
    }

    @Test
    void healerIsSkippedOnlyWhereItWouldChangeNothing() {
        assertThat(XmlFeedParser.needsHealing("<rss>a &amp; b &#160; &#xA0; &lt;p&gt;</rss>")).isFalse();
        assertThat(XmlFeedParser.needsHealing("<rss>&nbsp;</rss>")).isTrue();
        assertThat(XmlFeedParser.needsHealing("<rss>a & b</rss>")).isTrue();
        assertThat(XmlFeedParser.needsHealing("  <rss/>")).isTrue();
        assertThat(XmlFeedParser.needsHealing("<!-- c --><rss/>")).isTrue();
    }

    private static void assertSameAsJsoup(String html) {
        String viaJsoup = TextCleaner.normalise(Jsoup.parseBodyFragment(html).text());
        String shortcut = TextCleaner.withoutSimpleTags(html);
        if (shortcut != null) assertThat(TextCleaner.normalise(shortcut)).as(html).isEqualTo(viaJsoup);
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) return; // text without markup never went through jsoup
        String plain = TextCleaner.plain(html);
        assertThat(plain == null ? "" : plain).as(html).isEqualTo(viaJsoup);
    }
}
