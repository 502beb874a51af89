package org.rxradar.fetch.ats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rxradar.fetch.TextCleaner;
import org.rxradar.model.Place;

class ListingFieldsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "Austin, TX                    | Austin        | TX | false",
        "TX - Austin                   | Austin        | TX | false",
        "Austin, Texas                 | Austin        | TX | false",
        "Austin, TX 78701              | Austin        | TX | false",
        "Austin, Texas, United States  | Austin        | TX | false",
        "US-NC-Winston-Salem           | Winston-Salem | NC | false",
        "USA - TX - Fort Worth         | Fort Worth    | TX | false",
        "Winston-Salem, NC             | Winston-Salem | NC | false",
        "Washington, DC                | Washington    | DC | false",
        "Fresno CA                     | Fresno        | CA | false",
        "Remote - Texas                | -             | TX | true",
        "Remote                        | -             | -  | true",
        "2 Locations                   | -             | -  | false",
        "Toronto, Ontario              | -             | -  | false",
    })
    void readsTheLocationFormsOfListings(String text, String city, String state, boolean remote) {
        Place place = ListingFields.place(text, false);

        assertThat(place.text()).isEqualTo(text);
        assertThat(place.city()).isEqualTo(city);
        assertThat(place.state()).isEqualTo(state);
        assertThat(place.remote()).isEqualTo(remote);
    }

    @Test
    void noLocationIsNoPlaceUnlessRemote() {
        assertThat(ListingFields.place(" ", false)).isNull();
        assertThat(ListingFields.place(null, true)).isEqualTo(new Place(null, null, null, true));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"Full time,FULL_TIME", "Full-time,FULL_TIME", "Part time,PART_TIME",
        "Part-Time,PART_TIME", "Per Diem,PER_DIEM", "PRN,PER_DIEM", "Contract,CONTRACT", "Temporary,TEMPORARY",
        "Regular,-", "-,-"})
    void readsEmploymentLabels(String label, String expected) {
        assertThat(ListingFields.employment(label)).isEqualTo(expected);
    }

    @Test
    void decodesHtmlThatWasEscapedOnceMore() {
        String escaped = "&lt;p&gt;Tech &amp;amp; clerk&amp;nbsp;work&lt;/p&gt;&lt;ul&gt;&lt;li&gt;CPhT&lt;/li&gt;&lt;/ul&gt;";

        assertThat(TextCleaner.plain(ListingFields.html(escaped))).isEqualTo("Tech & clerk work CPhT");
        // ordinary HTML, and text that merely mentions "&lt;", stay as they are
        assertThat(ListingFields.html("<p>Tech &amp; clerk</p>")).isEqualTo("<p>Tech &amp; clerk</p>");
        assertThat(ListingFields.html("lift &lt; 25 lb")).isEqualTo("lift &lt; 25 lb");
        assertThat(ListingFields.html(" ")).isNull();
    }
}
