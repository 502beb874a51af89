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

    private static final List<String> EITHER_BOARD = List.of("PTCB-CPhT", "NHA-ExCPT");

    @Test
    void nationalCertificationMeansEitherBoard() {
        assertThat(certs("National certification required.")).containsExactly(Certification.anyOf(EITHER_BOARD, true));
        assertThat(certs("National certification (PTCB or ExCPT) preferred.")).containsExactly(Certification.anyOf(EITHER_BOARD, false));
    }

    @Test
    void boardsJoinedByOrAreOneRequirementWithAlternatives() {
        Certification either = Certification.anyOf(EITHER_BOARD, true);
        assertThat(certs("PTCB CPhT or NHA ExCPT accepted.")).containsExactly(either);
        assertThat(certs("PTCB or ExCPT certification required.")).containsExactly(either);
        assertThat(certs("Must hold CPhT or ExCPT.")).containsExactly(either);
        assertThat(certs("Certified (CPhT/ExCPT) technicians preferred.")).containsExactly(Certification.anyOf(EITHER_BOARD, false));
        // the alternatives follow the taxonomy's order, whatever the text's
        assertThat(certs("ExCPT or PTCB required.")).containsExactly(either);
        assertThat(either.id()).isEqualTo("PTCB-CPhT");
        assertThat(either.label()).isEqualTo("PTCB CPhT or NHA ExCPT");
    }

    @Test
    void eitherOrRequirementKeepsItsNeighboursApart() {
        assertThat(certs("Texas technician registration required. PTCB or NHA certification required; CSPT preferred."))
                .containsExactly(new Certification("STATE-LICENSE", true), Certification.anyOf(EITHER_BOARD, true),
                        new Certification("CSPT", false));
        // a comma lists credentials, it does not offer a choice
        assertThat(certs("CPhT, CSPT required.")).containsExactly(new Certification("PTCB-CPhT", true), new Certification("CSPT", true));
        assertThat(certs("CPhT, ExCPT or CSPT required.")).containsExactly(
                Certification.anyOf(List.of("PTCB-CPhT", "NHA-ExCPT", "CSPT"), true));
    }

    @Test
    void aCredentialRequiredAloneMakesTheEitherOrRedundant() {
        assertThat(certs("CPhT required. CPhT or ExCPT accepted.")).containsExactly(new Certification("PTCB-CPhT", true));
        assertThat(certs("PTCB or ExCPT required; PTCB preferred.")).containsExactly(
                Certification.anyOf(EITHER_BOARD, true), new Certification("PTCB-CPhT", false));
    }

    @Test
    void certificationWithinMonthsOfHireIsRequired() {
        assertThat(certs("Must obtain PTCB certification within 6 months of hire."))
                .containsExactly(new Certification("PTCB-CPhT", true));
    }

    @Test
    void bareCertificationWithinMonthsMeansEitherBoard() {
        assertThat(certs("Certification within 6 months of hire.")).containsExactly(Certification.anyOf(EITHER_BOARD, true));
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
