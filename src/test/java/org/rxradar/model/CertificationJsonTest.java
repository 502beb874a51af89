package org.rxradar.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON of a certification in the tagged record: either/or requirements added, old records still read. */
class CertificationJsonTest {
    @Test
    void aSingleCredentialIsWrittenAsBefore() {
        assertThat(Json.text(new Certification("CSPT", false))).isEqualTo("{\"id\":\"CSPT\",\"required\":false}");
    }

    @Test
    void anEitherOrRequirementCarriesItsAlternatives() throws Exception {
        Certification either = Certification.anyOf(List.of("PTCB-CPhT", "NHA-ExCPT"), true);
        String json = Json.text(either);
        assertThat(json).isEqualTo("{\"id\":\"PTCB-CPhT\",\"required\":true,\"anyOf\":[\"PTCB-CPhT\",\"NHA-ExCPT\"]}");
        assertThat(Json.read(json, Certification.class)).isEqualTo(either);
        assertThat(either.key()).isEqualTo("PTCB-CPhT|NHA-ExCPT");
        assertThat(either.label()).isEqualTo("PTCB CPhT or NHA ExCPT");
        assertThat(either.alternatives()).containsExactly("PTCB-CPhT", "NHA-ExCPT");
    }

    @Test
    void aRecordWrittenBeforeAlternativesExistedReadsAsASingleCredential() throws Exception {
        Certification old = Json.read("{\"id\":\"PTCB-CPhT\",\"required\":true}", Certification.class);
        assertThat(old).isEqualTo(new Certification("PTCB-CPhT", true));
        assertThat(old.hasAlternatives()).isFalse();
        assertThat(old.alternatives()).containsExactly("PTCB-CPhT");
        assertThat(old.label()).isEqualTo("PTCB CPhT");
    }

    @Test
    void alternativesAloneNameTheCredential() throws Exception {
        Certification c = Json.read("{\"required\":false,\"anyOf\":[\"NHA-ExCPT\",\"PTCB-CPhT\"]}", Certification.class);
        assertThat(c.id()).isEqualTo("NHA-ExCPT");
        assertThat(c.label()).isEqualTo("NHA ExCPT or PTCB CPhT");
    }
}
