package org.rxradar.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxradar.digest.TestItems.job;
import static org.rxradar.digest.TestItems.news;
import static org.rxradar.digest.TestItems.subscriber;

import org.junit.jupiter.api.Test;
import org.rxradar.model.TaggedItem;

class SubscriberFilterTest {

    private static boolean passes(SubscriberFilter f, TaggedItem item) {
        return f.match(item).isPresent();
    }

    @Test
    void irrelevantItemsNeverPass() {
        SubscriberFilter everything = new SubscriberFilter(subscriber("a").build());
        assertThat(passes(everything, job("Pharmacist").settings("retail").irrelevant().build())).isFalse();
        assertThat(passes(everything, job("Pharmacy Technician").settings("retail").build())).isTrue();
    }

    @Test
    void settingsAreAnyOfAndEmptyMeansAll() {
        SubscriberFilter hospitalOrClinic = new SubscriberFilter(subscriber("a").settings("hospital", "clinic").build());
        assertThat(passes(hospitalOrClinic, job("IV Tech").settings("hospital").build())).isTrue();
        assertThat(passes(hospitalOrClinic, job("Clinic Tech").settings("clinic", "government").build())).isTrue();
        assertThat(passes(hospitalOrClinic, job("Retail Tech").settings("retail").build())).isFalse();
        assertThat(passes(hospitalOrClinic, job("Untagged Tech").build())).isFalse();
        assertThat(passes(new SubscriberFilter(subscriber("b").build()), job("Untagged Tech").build())).isTrue();
    }

    @Test
    void statesFilterLeadsAndRemoteLeadsPassOnlyForRemoteSubscribers() {
        TaggedItem fresno = job("Tech Fresno").in("Fresno", "CA").build();
        TaggedItem austin = job("Tech Austin").in("Austin", "TX").build();
        TaggedItem remote = job("Remote PA Tech").remote().build();
        TaggedItem nowhere = job("Tech somewhere").build();

        SubscriberFilter ca = new SubscriberFilter(subscriber("a").states("CA").build());
        assertThat(passes(ca, fresno)).isTrue();
        assertThat(passes(ca, austin)).isFalse();
        assertThat(passes(ca, remote)).isFalse();
        assertThat(passes(ca, nowhere)).isFalse();

        SubscriberFilter caOrRemote = new SubscriberFilter(subscriber("b").states("ca").remote(true).build());
        assertThat(passes(caOrRemote, fresno)).isTrue();
        assertThat(passes(caOrRemote, remote)).isTrue();
        assertThat(passes(caOrRemote, austin)).isFalse();
        assertThat(caOrRemote.match(remote).orElseThrow().reasons()).contains("Remote");
        assertThat(caOrRemote.match(fresno).orElseThrow().reasons()).contains("CA");

        SubscriberFilter anywhere = new SubscriberFilter(subscriber("c").build());
        assertThat(passes(anywhere, austin)).isTrue();
        assertThat(passes(anywhere, nowhere)).isTrue();
    }

    @Test
    void statesDoNotFilterNews() {
        SubscriberFilter ca = new SubscriberFilter(subscriber("a").states("CA").build());
        assertThat(passes(ca, news("Texas board changes ratio rules").topics("regulation").build())).isTrue();
    }

    @Test
    void kindsSelectJobsOrNews() {
        TaggedItem lead = job("Tech").settings("retail").build();
        TaggedItem story = news("Story").topics("workforce").build();
        SubscriberFilter jobsOnly = new SubscriberFilter(subscriber("a").kinds("jobs").build());
        SubscriberFilter newsOnly = new SubscriberFilter(subscriber("b").kinds("news").build());
        assertThat(passes(jobsOnly, lead)).isTrue();
        assertThat(passes(jobsOnly, story)).isFalse();
        assertThat(passes(newsOnly, lead)).isFalse();
        assertThat(passes(newsOnly, story)).isTrue();
    }

    @Test
    void newsIsFilteredByTopicsAndBySettingsOnlyWhenTheStoryNamesOne() {
        SubscriberFilter f = new SubscriberFilter(subscriber("a").settings("hospital").topics("regulation", "compounding").build());
        assertThat(passes(f, news("USP 797 update").topics("compounding").build())).isTrue();
        assertThat(passes(f, news("Hospital IV room rules").settings("hospital").topics("regulation").build())).isTrue();
        assertThat(passes(f, news("Chain store closures").settings("retail").topics("regulation").build())).isFalse();
        assertThat(passes(f, news("Wage survey").topics("workforce").build())).isFalse();
        // topics do not filter job leads
        assertThat(passes(f, job("Inpatient Tech").settings("hospital").topics("career").build())).isTrue();
    }

    @Test
    void keywordsMatchWholeWordsInTitleSummaryOrEmployer() {
        SubscriberFilter iv = new SubscriberFilter(subscriber("a").keywords("IV", "Kaiser").build());
        assertThat(passes(iv, job("IV Room Technician").build())).isTrue();
        assertThat(passes(iv, job("Technician").employer("Kaiser Permanente").build())).isTrue();
        assertThat(passes(iv, job("Technician").summary("Prepares iv admixtures").build())).isTrue();
        assertThat(passes(iv, job("Archive clerk technician").build())).isFalse();
        assertThat(iv.match(job("IV Room Technician").build()).orElseThrow().reasons()).contains("\u201civ\u201d");
    }

    @Test
    void reasonsNameTheMatchedTags() {
        SubscriberFilter f = new SubscriberFilter(subscriber("a").settings("hospital").states("CA").build());
        var m = f.match(job("IV Tech").settings("hospital", "government").in("Fresno", "CA").build()).orElseThrow();
        assertThat(m.reasons()).containsExactly("Hospital", "CA");
        assertThat(m.settings()).containsExactly("hospital");
    }
}
