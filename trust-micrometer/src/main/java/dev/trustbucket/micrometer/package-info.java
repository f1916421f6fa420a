/**
 * Micrometer meters for Trust Bucket: how many relationships sit in each autonomy tier, how many
 * drops, drains and breaches were recorded in each trust dimension, how long recording takes and
 * how often a store retried a write.
 *
 * <p>Bind {@link dev.trustbucket.micrometer.AccountRegistryMetrics} to a {@code MeterRegistry}
 * for an in-memory {@link dev.trustbucket.account.AccountRegistry}; a store that keeps accounts
 * elsewhere reports its writes to a {@link dev.trustbucket.micrometer.RecordingMetrics} and its
 * tiers through a {@link dev.trustbucket.micrometer.TierCensus}. No meter is ever tagged with a
 * relationship: a company has 100,000 of them, and a tag per relationship would make as many time
 * series.
 */
@NullMarked
package dev.trustbucket.micrometer;

import org.jspecify.annotations.NullMarked;
