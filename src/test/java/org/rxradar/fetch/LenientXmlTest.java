package org.rxradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LenientXmlTest {

    @Test
    void everyAmpersandBecomesAWellFormedReference() {
        assertThat(LenientXml.references("<t>Q&A &amp; ?a=1&b=2 &copy=3 AT&T; &lt;</t>"))
                .isEqualTo("<t>Q&amp;A &amp; ?a=1&amp;b=2 &amp;copy=3 AT&amp;T; &lt;</t>");
    }

    @Test
    void aLongRunOfAmpersandsIsEscapedEveryOne() {
        assertThat(LenientXml.references("<t>" + "&".repeat(100_000) + "</t>")).isEqualTo("<t>" + "&amp;".repeat(100_000) + "</t>");
    }

    @Test
    void characterReferencesAreNormalisedAndForbiddenCharactersReplaced() {
        assertThat(LenientXml.references("&#X2019;&#x41;&#65;&#0;&#xD800;&#;&#x;&#12a;"))
                .isEqualTo("&#x2019;&#x41;&#65;&#xFFFD;&#xFFFD;&amp;#;&amp;#x;&amp;#12a;");
    }

    @Test
    void htmlEntitiesBecomeCharacterReferencesAndUnknownNamesText() {
        assertThat(LenientXml.references("&nbsp;&mdash;&eacute;&bogus;")).isEqualTo("&#160;&#8212;&#233;&amp;bogus;");
    }

    @Test
    void cdataCommentsAndProcessingInstructionsAreLeftAlone() {
        String opaque = "<?xml version=\"1.0\"?><!-- a & b --><t><![CDATA[x & y &nbsp;]]>&</t>";
        assertThat(LenientXml.references(opaque)).isEqualTo("<?xml version=\"1.0\"?><!-- a & b --><t><![CDATA[x & y &nbsp;]]>&amp;</t>");
    }

    @Test
    void theDoctypeAndItsInternalSubsetAreRemoved() {
        assertThat(LenientXml.withoutDoctype("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss/>"))
                .isEqualTo("<?xml version=\"1.0\"?><rss/>");
        assertThat(LenientXml.withoutDoctype("<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"x.dtd\"><rss/>"))
                .isEqualTo("<rss/>");
    }

    @Test
    void rebuildClosesWhatIsOpenAndDeclaresUndeclaredPrefixes() {
        LenientXml.Rebuilt r = LenientXml.rebuild("<rss><channel><item><title>a</title><dc:creator>Ann</dc:creator><x:y z:w=\"1\"/></item>");
        assertThat(r.xml()).startsWith("<rss ").endsWith("</item></channel></rss>")
                .contains("xmlns:dc=\"http://purl.org/dc/elements/1.1/\"").contains("xmlns:x=\"urn:x-undeclared-prefix:x\"")
                .contains("xmlns:z=\"urn:x-undeclared-prefix:z\"");
        assertThat(r.cutOffEntries()).isZero();
    }

    @Test
    void rebuildRefusesElementsNestedDeeperThanAnyFeed() {
        String deep = "<rss><channel>" + "<x:a>".repeat(10_000);
        assertThatThrownBy(() -> LenientXml.rebuild(deep)).hasMessageContaining("nest more than " + LenientXml.MAX_DEPTH + " levels");
        assertThat(LenientXml.rebuild("<rss><channel>" + "<a>".repeat(LenientXml.MAX_DEPTH - 5)).xml()).endsWith("</channel></rss>");
    }

    @Test
    void rebuildRemovesAnEntryTheDocumentEndsInsideOf() {
        LenientXml.Rebuilt r = LenientXml.rebuild("<feed><entry><title>a</title></entry><entry><title>b</title><link href=\"x\"/><summary>cut sh");
        assertThat(r.xml()).contains("<title>a</title>").doesNotContain("<title>b</title>");
        assertThat(r.cutOffEntries()).isEqualTo(1);
        LenientXml.Rebuilt kept = LenientXml.rebuild("<feed><entry><title>a</title><link href=\"x\" />\n");
        assertThat(kept.xml()).contains("<title>a</title>");
        assertThat(kept.cutOffEntries()).isZero();
    }
}
