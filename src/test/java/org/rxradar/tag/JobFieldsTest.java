package org.rxradar.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rxradar.model.JobPosting;
import org.rxradar.model.TaggedItem;

class JobFieldsTest {
    private final Tagger tagger = Tagger.builtIn();

    private TaggedItem job(String title, String summary) {
        return tagger.tag(Items.job(title, summary));
    }

    @Test
    void employmentFromTitleOrText() {
        assertThat(job("Pharmacy Technician - Full Time", "Join us.").employment()).isEqualTo("FULL_TIME");
        assertThat(job("Pharmacy Technician", "This is a part-time role.").employment()).isEqualTo("PART_TIME");
        assertThat(job("PRN Pharmacy Technician", "Cover open shifts.").employment()).isEqualTo("PER_DIEM");
        assertThat(job("Travel Pharmacy Technician", "A 13-week travel contract.").employment()).isEqualTo("CONTRACT");
        assertThat(job("Pharmacy Technician", "This is a temporary assignment.").employment()).isEqualTo("TEMPORARY");
        assertThat(job("Seasonal Technician", "Help with flu season.").employment()).isEqualTo("TEMPORARY");
        assertThat(job("Pharmacy Technician", "Great team.").employment()).isNull();
    }

    @Test
    void contractPharmacyIsNotAContractJob() {
        assertThat(job("Pharmacy Technician", "Manage 340B contract pharmacy claims.").employment()).isNull();
        assertThat(job("LTC Pharmacy Technician", "Process PRN orders and seasonal flu vaccine requests.").employment()).isNull();
    }

    @Test
    void postedEmploymentTypeWins() {
        var item = Items.job("Pharmacy Technician", "Part-time.", null, null, new JobPosting(null, "FULL_TIME", null, null, null, null));
        assertThat(tagger.tag(item).employment()).isEqualTo("FULL_TIME");
    }

    @Test
    void shiftsAreCollectedInTaxonomyOrder() {
        assertThat(job("Pharmacy Technician", "Rotating shifts including nights and weekends.").shift())
                .containsExactly("NIGHT", "WEEKEND", "ROTATING");
        assertThat(job("Pharmacy Technician", "Evenings and Saturdays.").shift()).containsExactly("EVENING", "WEEKEND");
        assertThat(job("Pharmacy Technician", "Monday-Friday, 8-5.").shift()).containsExactly("DAY");
        assertThat(job("Pharmacy Technician", "2nd shift.").shift()).containsExactly("EVENING");
        assertThat(job("Pharmacy Technician", "Work overnight in central pharmacy.").shift()).containsExactly("NIGHT");
    }

    @Test
    void negatedShiftsGiveNothing() {
        assertThat(job("Pharmacy Technician", "No nights, no weekends.").shift()).isEmpty();
    }

    @Test
    void differentialIsPayNotAShift() {
        assertThat(job("Pharmacy Technician", "Day shift with a night differential for extra hours.").shift()).containsExactly("DAY");
    }

    @Test
    void aRotationBetweenShiftsIsOnlyRotating() {
        assertThat(job("Pharmacy Technician", "Full-time, day/evening rotation.").shift()).containsExactly("ROTATING");
    }
}
