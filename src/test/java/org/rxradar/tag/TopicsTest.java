package org.rxradar.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {
    private final Tagger tagger = Tagger.builtIn();

    @Test
    void newsTopics() {
        // the cue lists alone: with the semantic signal a story may also get a related topic (a ratio rule is about staffing too)
        Tagger tagger = Tagger.rulesOnly();
        assertThat(tagger.tag(Items.news("Board adopts new technician ratio rule", "The board of pharmacy approved the rule.")).topics())
                .containsExactly("regulation");
        assertThat(tagger.tag(Items.news("Albuterol recall", "Several lots were recalled amid a drug shortage.")).topics())
                .containsExactly("drug-supply");
        assertThat(tagger.tag(Items.news("Technician conference opens", "The annual conference offers CE credit.")).topics())
                .containsExactly("continuing-education", "events");
        assertThat(tagger.tag(Items.news("Chain technicians unionize", "Technicians voted to unionize over wages.")).topics())
                .containsExactly("workforce");
        assertThat(tagger.tag(Items.news("Robots fill prescriptions", "Pharmacies add automation and robotic dispensing.")).topics())
                .containsExactly("technology");
    }

    @Test
    void compoundingAndHazardousDrugs() {
        var t = tagger.tag(Items.job("Oncology IV Technician", "Compound chemotherapy in a USP <800> cleanroom."));
        assertThat(t.topics()).contains("compounding", "hazardous-drugs");
    }

    @Test
    void aBareCredentialRequirementIsNotTheCertificationTopic() {
        var t = tagger.tag(Items.job("Pharmacy Technician", "PTCB certification required."));
        assertThat(t.topics()).doesNotContain("certification");
    }

    @Test
    void staffShortagesAreWorkforceNotDrugSupply() {
        var t = tagger.tag(Items.news("Staffing shortages close pharmacies", "Stores cite staffing shortages and hiring trouble."));
        assertThat(t.topics()).contains("workforce").doesNotContain("drug-supply");
    }

    @Test
    void employerNamesDoNotMakeTopics() {
        var t = tagger.tag(Items.job("Medical Assistant", "Room patients.", "Summit Family Medicine", null));
        assertThat(t.topics()).doesNotContain("events");
    }
}
