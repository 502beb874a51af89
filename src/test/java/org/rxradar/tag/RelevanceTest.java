package org.rxradar.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelevanceTest {
    private final Tagger tagger = Tagger.builtIn();

    private boolean job(String title, String summary) {
        return tagger.tag(Items.job(title, summary)).relevant();
    }

    @Test
    void technicianTrackRolesAreRelevant() {
        assertThat(job("Pharmacy Technician", "Fill prescriptions.")).isTrue();
        assertThat(job("IV Technician", "Compound sterile products.")).isTrue();
        assertThat(job("Pharmacy Buyer", "Manage purchasing.")).isTrue();
        assertThat(job("Prior Authorization Specialist", "CPhT required.")).isTrue();
    }

    @Test
    void pharmacistAndOffFieldRolesAreNot() {
        assertThat(job("Staff Pharmacist", "Verify orders and supervise technicians.")).isFalse();
        assertThat(job("Front Store Cashier", "Ring up customers near the pharmacy.")).isFalse();
        assertThat(job("Quality Control Lab Technician", "HPLC testing; no pharmacy experience needed.")).isFalse();
        assertThat(job("Medication Technician", "Pass medications to residents. This is not a pharmacy job.")).isFalse();
        assertThat(job("Sterile Processing Technician", "Sterilize surgical instruments for the OR.")).isFalse();
        assertThat(job("Maintenance Technician", "Repair HVAC equipment across the campus.")).isFalse();
    }

    @Test
    void irrelevantLeadsKeepTheirSettingsAndFields() {
        var t = tagger.tag(Items.job("Staff Pharmacist", "Inpatient hospital pharmacy. $60/hr.", null, "Reno, NV"));
        assertThat(t.relevant()).isFalse();
        assertThat(t.settings()).containsExactly("hospital");
        assertThat(t.salary()).isNotNull();
    }

    @Test
    void newsIsRelevantUnlessClearlyOffField() {
        assertThat(tagger.tag(Items.news("Technician pay rises", "Technician wages rose 5%.")).relevant()).isTrue();
        assertThat(tagger.tag(Items.news("Drugstore chain names new CEO", "The chief executive starts next month.")).relevant()).isFalse();
        assertThat(tagger.tag(Items.news("Pharmacy school enrollment falls", "Doctor of Pharmacy programs shrink.")).relevant()).isFalse();
    }
}
