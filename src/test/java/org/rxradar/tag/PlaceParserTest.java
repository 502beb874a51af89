package org.rxradar.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rxradar.model.JobPosting;
import org.rxradar.model.Place;

class PlaceParserTest {
    @Test
    void cityAndState() {
        assertThat(PlaceParser.parse("Fresno, CA", false)).isEqualTo(new Place("Fresno, CA", "Fresno", "CA", false));
        assertThat(PlaceParser.parse("Austin, Texas 78701", false)).isEqualTo(new Place("Austin, Texas 78701", "Austin", "TX", false));
        assertThat(PlaceParser.parse("St. Louis, MO, United States", false).state()).isEqualTo("MO");
    }

    @Test
    void remoteForms() {
        assertThat(PlaceParser.parse("Remote", false)).isEqualTo(new Place("Remote", null, null, true));
        Place p = PlaceParser.parse("Seattle, WA (Remote)", false);
        assertThat(p.city()).isEqualTo("Seattle");
        assertThat(p.state()).isEqualTo("WA");
        assertThat(p.remote()).isTrue();
        assertThat(PlaceParser.parse("Remote - Denver, CO", false).city()).isEqualTo("Denver");
    }

    @Test
    void stateOnlyAndMissing() {
        assertThat(PlaceParser.parse("Ohio", false).state()).isEqualTo("OH");
        assertThat(PlaceParser.parse(null, false)).isNull();
        assertThat(PlaceParser.parse(null, true).remote()).isTrue();
    }

    @Test
    void workFromHomeInTheTextMakesAJobRemote() {
        var tagged = Tagger.builtIn().tag(Items.job("Pharmacy Technician", "Work from home processing claims.", null, "Phoenix, AZ"));
        assertThat(tagged.location().remote()).isTrue();
        assertThat(tagged.location().state()).isEqualTo("AZ");
    }

    @Test
    void remotePharmacistsDoNotMakeTheJobRemote() {
        var tagged = Tagger.builtIn().tag(Items.job("Pharmacy Technician", "Restock machines supported by remote pharmacists.", null, "Plano, TX"));
        assertThat(tagged.location().remote()).isFalse();
    }

    @Test
    void postedPlaceWins() {
        Place posted = new Place("Boston, MA", "Boston", "MA", false);
        var item = Items.job("Pharmacy Technician", "x", null, "Somewhere", new JobPosting(null, null, posted, null, null, null));
        assertThat(Tagger.builtIn().tag(item).location()).isEqualTo(posted);
    }

    @Test
    void placeFromLabelledTextWhenTheSourceGaveNoLocation() {
        Place p = PlaceParser.fromText("Full time. Location: Bluestem Medical Center, Wichita, KS 67214 Pay: $20/hr", false);
        assertThat(p.city()).isEqualTo("Wichita");
        assertThat(p.state()).isEqualTo("KS");
        Place q = PlaceParser.fromText("Location: Temple, TX · Baylor Scott & White Medical Center", false);
        assertThat(q.city()).isEqualTo("Temple");
        assertThat(q.state()).isEqualTo("TX");
    }

    @Test
    void placeFromUnlabelledTextNeedsARealStateCode() {
        assertThat(PlaceParser.fromText("Join our team in Columbus, OH serving 12 hospitals.", false).state()).isEqualTo("OH");
        assertThat(PlaceParser.fromText("Certified per USP, QA standards and PTCB, NHA exams.", false)).isNull();
        assertThat(PlaceParser.fromText(null, false)).isNull();
    }

    @Test
    void taggerReadsThePlaceFromTheTextOnlyWhenTheLocationFieldIsMissing() {
        Tagger tagger = Tagger.builtIn();
        org.rxradar.model.Item noField = new org.rxradar.model.Item(1, "x", org.rxradar.model.Kind.JOB, "s", null,
                "Inpatient Pharmacy Technician", "Location: Fresno, CA. Fill unit-dose carts.", null, false, null, null, null, null, null);
        assertThat(tagger.tag(noField).location().state()).isEqualTo("CA");
        org.rxradar.model.Item withField = new org.rxradar.model.Item(1, "y", org.rxradar.model.Kind.JOB, "s", null,
                "Inpatient Pharmacy Technician", "Location: Fresno, CA.", null, false, null, null, null, "Austin, TX", null);
        assertThat(tagger.tag(withField).location().state()).isEqualTo("TX");
    }
}
