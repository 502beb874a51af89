package org.rxradar.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterKeyTest {
    private final Tagger tagger = Tagger.builtIn();

    private String cluster(String title, String summary, String employer, String location) {
        return tagger.tag(Items.job(title, summary, employer, location)).cluster();
    }

    @Test
    void sameJobOnTwoBoardsSharesACluster() {
        String a = cluster("Pharmacy Tech - Fresno (Req #48213)", "Inpatient role. $20 - $24/hr.", "Acme Health, Inc.", "Fresno, CA");
        String b = cluster("Now Hiring: Pharmacy Technician", "We need a tech for inpatient work, $20-$24 per hour.", "Acme Health", "Fresno, California");
        assertThat(a).isEqualTo(b).startsWith("c-");
    }

    @Test
    void otherCityOrPayOrEmployerIsAnotherCluster() {
        String base = cluster("Pharmacy Technician", "$20/hr", "Acme Health", "Fresno, CA");
        assertThat(cluster("Pharmacy Technician", "$20/hr", "Acme Health", "Tulare, CA")).isNotEqualTo(base);
        assertThat(cluster("Pharmacy Technician", "$21/hr", "Acme Health", "Fresno, CA")).isNotEqualTo(base);
        assertThat(cluster("Pharmacy Technician", "$20/hr", "Other Health", "Fresno, CA")).isNotEqualTo(base);
        assertThat(cluster("Pharmacy Buyer", "$20/hr", "Acme Health", "Fresno, CA")).isNotEqualTo(base);
    }

    @Test
    void itemsWithoutEmployerAndTitleAreTheirOwnCluster() {
        assertThat(tagger.tag(Items.job(null, "x")).cluster()).isNotEqualTo(tagger.tag(Items.job(null, "x")).cluster());
    }
}
