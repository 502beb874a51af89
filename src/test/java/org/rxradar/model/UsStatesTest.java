package org.rxradar.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsStatesTest {

    @Test
    void readsCodesAndNamesWhateverTheCase() {
        assertThat(UsStates.code("TX")).isEqualTo("TX");
        assertThat(UsStates.code("tx")).isEqualTo("TX");
        assertThat(UsStates.code("Texas")).isEqualTo("TX");
        assertThat(UsStates.code("  new   york ")).isEqualTo("NY");
        assertThat(UsStates.code("District of Columbia")).isEqualTo("DC");
        assertThat(UsStates.code("Puerto Rico")).isEqualTo("PR");
        assertThat(UsStates.code("WY")).isEqualTo("WY");
    }

    @Test
    void anythingElseIsNull() {
        assertThat(UsStates.code(null)).isNull();
        assertThat(UsStates.code("")).isNull();
        assertThat(UsStates.code("ON")).isNull();
        assertThat(UsStates.code("Ontario")).isNull();
        assertThat(UsStates.code("Tex")).isNull();
        assertThat(UsStates.code("Guam")).isNull();
    }
}
