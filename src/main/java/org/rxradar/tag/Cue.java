package org.rxradar.tag;

/** One phrase of the rules and what it stands for. {@code target} is a tag id or a job-field value. */
record Cue(Kind kind, String target, double weight, String phrase, boolean startsNegated) {
    enum Kind {
        SETTING, TOPIC, RELEVANCE_JOB, RELEVANCE_NEWS, RELEVANCE_CONTEXT, EMPLOYMENT, SHIFT, CERT, CERT_REQUIRED, CERT_PREFERRED,
        CERT_TRAINING, REMOTE
    }
}
