package org.rxradar.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rxradar.model.TaggedItem;

class SettingsTest {
    private final Tagger tagger = Tagger.builtIn();

    private TaggedItem job(String title, String summary, String employer) {
        return tagger.tag(Items.job(title, summary, employer, null));
    }

    @Test
    void hospitalFromInpatientWork() {
        TaggedItem t = job("IV Pharmacy Technician", "Prepare IV admixtures in the IV room of our inpatient pharmacy.", null);
        assertThat(t.settings()).containsExactly("hospital");
        assertThat(t.evidence().get("hospital")).contains("IV room", "inpatient");
        assertThat(t.scores()).containsKey("hospital");
    }

    @Test
    void chainStoreIsRetail() {
        assertThat(job("Pharmacy Technician", "Help customers at the drive-thru and front counter.", "Rite Aid").settings())
                .containsExactly("retail");
    }

    @Test
    void governmentHospitalCarriesBoth() {
        assertThat(job("Pharmacy Technician", "Fill unit-dose orders at the VA medical center inpatient pharmacy.",
                "Department of Veterans Affairs").settings()).containsExactly("hospital", "government");
    }

    @Test
    void ltcNuclearInfusionCompoundingSpecialtyMailOrderClinicIndustry() {
        assertThat(job("Pharmacy Technician", "Prepare cycle fill for skilled nursing facilities.", null).settings()).containsExactly("long-term-care");
        assertThat(job("Nuclear Pharmacy Technician", "Dispense unit doses of Tc-99m.", null).settings()).containsExactly("nuclear");
        assertThat(job("Pharmacy Technician", "Compound TPN for home infusion patients.", null).settings()).containsExactly("home-infusion");
        assertThat(job("Compounding Technician", "Work in our 503B outsourcing facility.", null).settings()).containsExactly("compounding");
        assertThat(job("Pharmacy Technician", "Our specialty pharmacy handles benefits investigation.", null).settings()).containsExactly("specialty");
        assertThat(job("Pharmacy Technician", "Fill prescriptions at our mail service pharmacy.", null).settings()).containsExactly("mail-order");
        assertThat(job("Pharmacy Technician", "Dispense at our federally qualified health center.", null).settings()).containsExactly("clinic");
        assertThat(job("Packaging Technician", "Label clinical trial supplies under GMP.", null).settings()).containsExactly("industry");
    }

    @Test
    void aNamedStorefrontNegatedIsNotRetail() {
        TaggedItem t = job("Pharmacy Technician", "Technicians pack orders for our online pharmacy; there is no retail storefront.", null);
        assertThat(t.settings()).containsExactly("mail-order");
        assertThat(t.evidence().get("negated")).contains("retail");
    }

    @Test
    void notARetailSetting() {
        assertThat(job("Pharmacy Technician", "This is not a retail setting. You will fill orders at our central fill site.", "Kroger")
                .settings()).containsExactly("mail-order");
    }

    @Test
    void chainDivisionIsItsOwnSetting() {
        assertThat(job("Pharmacy Technician", "Support patients on new therapies.", "CVS Specialty").settings()).containsExactly("specialty");
        assertThat(job("Pharmacy Technician", "Support nursing facilities.", "Omnicare").settings()).containsExactly("long-term-care");
        assertThat(job("Pharmacy Technician", "Answer member calls about orders.", "CVS Caremark").settings()).containsExactly("mail-order");
    }

    @Test
    void textBeatsTheChainName() {
        assertThat(job("Central Fill Technician", "Fill prescriptions on automated lines.", "Walgreens").settings()).containsExactly("mail-order");
    }

    @Test
    void healthSystemNameIsNotAClinicCue() {
        assertThat(job("Pharmacy Technician", "Cleveland Clinic needs technicians for the inpatient pharmacy.", "Cleveland Clinic")
                .settings()).containsExactly("hospital");
    }

    @Test
    void hospitalsAsCustomersAreNotTheWorkplace() {
        assertThat(job("Nuclear Pharmacy Technician", "Prepare radiopharmaceutical doses for hospitals and imaging centers.", null)
                .settings()).containsExactly("nuclear");
    }

    @Test
    void oneWordNamesAreTrustedOnlyInTheEmployerField() {
        assertThat(job("Pharmacy Technician", "Our target is zero errors.", null).settings()).doesNotContain("retail");
    }

    @Test
    void aPhraseNeverSpansTitleAndText() {
        // "... Retail" + "Pharmacy ..." must not read as "retail pharmacy" twice, nor "mail" + "order" across a sentence
        // a property of the phrase matcher, so the rules alone: a sentence vector reads title and text as one on purpose
        TaggedItem t = Tagger.rulesOnly().tag(Items.job("Cashier - Mail", "Order forms are sorted here.", null, null));
        assertThat(t.settings()).doesNotContain("mail-order");
    }

    @Test
    void emptyItemHasNoTags() {
        TaggedItem t = tagger.tag(Items.job(null, null));
        assertThat(t.settings()).isEmpty();
        assertThat(t.topics()).isEmpty();
        assertThat(t.salary()).isNull();
    }

    // the rules of issue 17's settings step, read off the training split's cross-validated misses

    private final Tagger rulesOnly = Tagger.rulesOnly();

    private TaggedItem rulesOnlyNews(String title, String summary) {
        return rulesOnly.tag(Items.news(title, summary));
    }

    @Test
    void aSettingCueInsideAKnownNameOfThatSettingStillCounts() {
        TaggedItem t = rulesOnlyNews("Tribal health pharmacy adds a technician residency",
                "The Indian Health Service clinic in the county will train two technicians a year.");
        assertThat(t.settings()).contains("government");
    }

    @Test
    void aChainIsRetailButASupplyChainIsNot() {
        assertThat(rulesOnlyNews("Technicians wanted", "The chain is hiring technicians for its stores across the state.").settings())
                .contains("retail");
        assertThat(rulesOnlyNews("Shortages ease", "Distributors say the supply chain for saline has recovered.").settings())
                .doesNotContain("retail");
    }

    @Test
    void veteransAndMilitaryHospitalsAreGovernment() {
        assertThat(rulesOnlyNews("Technicians honored", "Staff at the veterans medical center pharmacy were recognized.").settings())
                .contains("government");
        assertThat(rulesOnlyNews("New robot", "The military hospital pharmacy installed a dispensing robot.").settings())
                .contains("government");
    }

    @Test
    void aRegulatorNamedIsNotTheWorkplace() {
        // the state health department issues the rule; the story is about retail pharmacies
        TaggedItem t = rulesOnlyNews("New ratio rule", "The state health department will let community pharmacies staff four technicians per pharmacist.");
        assertThat(t.settings()).doesNotContain("government");
    }
}
