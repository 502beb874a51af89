package org.rxradar.fetch.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JobUrlPatternTest {

    @Test
    void theDeepestJobLikeFolderWithPagesBelowIt() {
        assertThat(JobUrlPattern.prefix("https://x.example/careers/jobs/123-pharmacy-technician")).isEqualTo("/careers/jobs/");
        assertThat(JobUrlPattern.prefix("https://x.example/en/job/pharmacy-technician/12345")).isEqualTo("/en/job/");
        assertThat(JobUrlPattern.prefix("https://x.example/positions/9")).isEqualTo("/positions/");
        assertThat(JobUrlPattern.prefix("https://x.example/careers/")).isNull(); // the listing itself, no posting below
        assertThat(JobUrlPattern.prefix("https://x.example/blog/jobsite-news")).isNull();
        assertThat(JobUrlPattern.prefix("not a url")).isNull();
    }

    @Test
    void theFolderMostUrlsShareWins() {
        JobUrlPattern.Guess guess = JobUrlPattern.guess(List.of(
                "https://x.example/careers/benefits", "https://x.example/careers/culture",
                "https://x.example/careers/jobs/1", "https://x.example/careers/jobs/2", "https://x.example/careers/jobs/3",
                "https://x.example/about"));
        assertThat(guess.prefix()).isEqualTo("/careers/jobs/");
        assertThat(guess.count()).isEqualTo(3);
        assertThat(guess.regex()).isEqualTo("^https?://[^/]+/careers/jobs/.+");
    }

    @Test
    void regexMetacharactersInThePathAreEscaped() {
        JobUrlPattern.Guess guess = JobUrlPattern.guess(List.of("https://x.example/v1.0/jobs/7", "https://x.example/v1.0/jobs/8"));
        assertThat(guess.regex()).isEqualTo("^https?://[^/]+/v1\\.0/jobs/.+");
        assertThat("https://x.example/v1.0/jobs/7").matches(guess.regex());
        assertThat("https://x.example/v1x0/jobs/7").doesNotMatch(guess.regex());
    }

    @Test
    void noJobPagesNoGuess() {
        assertThat(JobUrlPattern.guess(List.of("https://x.example/", "https://x.example/about", "https://x.example/blog/post"))).isNull();
        assertThat(JobUrlPattern.guess(List.of())).isNull();
    }
}
