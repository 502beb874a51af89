/**
 * What the operator watches. {@link org.rxradar.ops.OpsRoutes} serves {@code /health},
 * {@code /health/live} and {@code /metrics}; {@link org.rxradar.ops.HealthCheck} and
 * {@link org.rxradar.ops.HealthStatus} are what {@code /health} asks and answers;
 * {@link org.rxradar.ops.ReadinessProbe} checks the broker and the tagger's group in the background
 * so that {@code /health} answers from memory; {@link org.rxradar.ops.KafkaClientBinder},
 * {@link org.rxradar.ops.TagCounts} and {@link org.rxradar.ops.CountingSender} feed {@code /metrics}.
 */
package org.rxradar.ops;
