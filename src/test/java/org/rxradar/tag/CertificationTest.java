package org.rxradar.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rxradar.model.Certification;

class CertificationTest {
    private final Tagger tagger = Tagger.builtIn();

    private List<Certification> certs(String summary) {
        return tagger.tag(Items.job("Pharmacy Technician", summary)).certifications();
    }

    @Test
    void requiredAndPreferredAreReadPerSentence() {
        assertThat(certs("Ohio pharmacy technician registration and CPhT required; CSPT preferred."))
                .containsExactlyInAnyOrder(new Certification("STATE-LICENSE", true), new Certification("PTCB-CPhT", true),
                        new Certification("CSPT", false));
    }

    @Test
    void preferenceBeforeTheMentionCounts() {
        assertThat(certs("Preferred: PTCB certification.")).containsExactly(new Certification("PTCB-CPhT", false));
    }

    @Test
    void nationalCertificationMeansBothBoards() {
        assertThat(certs("National certification required.")).containsExactlyInAnyOrder(
                new Certification("PTCB-CPhT", true), new Certification("NHA-ExCPT", true));
        assertThat(certs("National certification (PTCB or ExCPT) preferred.")).containsExactlyInAnyOrder(
                new Certification("PTCB-CPhT", false), new Certification("NHA-ExCPT", false));
    }

    @Test
    void certificationWithinMonthsOfHireIsRequired() {
        assertThat(certs("Must obtain PTCB certification within 6 months of hire."))
                .containsExactly(new Certification("PTCB-CPhT", true));
    }

    @Test
    void bareCertificationWithinMonthsMeansEitherBoard() {
        assertThat(certs("Certification within 6 months of hire.")).containsExactlyInAnyOrder(
                new Certification("PTCB-CPhT", true), new Certification("NHA-ExCPT", true));
    }

    @Test
    void trainingTowardAnExamIsNoRequirement() {
        assertThat(certs("We pay for your PTCB exam prep course.")).isEmpty();
    }

    @Test
    void pharmacistLicenseIsNotAStateTechnicianLicense() {
        assertThat(tagger.tag(Items.job("Staff Pharmacist", "Active Texas pharmacist license required.")).certifications()).isEmpty();
    }

    @Test
    void stateRegistrationSpellings() {
        assertThat(certs("Must be registered with the Texas State Board of Pharmacy.")).containsExactly(new Certification("STATE-LICENSE", true));
        assertThat(certs("Florida registered pharmacy technician; bilingual a plus.")).containsExactly(new Certification("STATE-LICENSE", true));
        assertThat(certs("Arkansas pharmacy technician permit required.")).containsExactly(new Certification("STATE-LICENSE", true));
    }

    @Test
    void theTextDecidesOverATitleMention() {
        var t = tagger.tag(Items.job("Pharmacy Technician (CPhT)", "PTCB certification preferred."));
        assertThat(t.certifications()).containsExactly(new Certification("PTCB-CPhT", false));
    }

    @Test
    void negatedRequirementLeavesThePreference() {
        assertThat(certs("CPhT preferred but not required.")).containsExactly(new Certification("PTCB-CPhT", false));
    }

    @Test
    void newsNamesTheBoardWithoutRequiringAnything() {
        var news = tagger.tag(Items.news("PTCB updates its exam", "PTCB said the CSPT program grew this year."));
        assertThat(news.certifications()).containsExactly(new Certification("CSPT", false));
    }
}
