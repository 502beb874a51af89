package org.rxradar.trend;

/**
 * A phrase used more in the recent window than its baseline predicts.
 *
 * @param score         Dunning's log-likelihood G² (over 10.83 means p &lt; 0.001 at one degree of freedom)
 * @param recentCount   items containing the phrase in the recent window
 * @param baselineCount items containing it in the baseline window
 * @param lift          recent rate over baseline rate (baseline smoothed by half an item so a new phrase stays finite)
 */
public record RisingTerm(String term, double score, int recentCount, int baselineCount, double lift) {}
