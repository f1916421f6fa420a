/**
 * What a {@link dev.trustbucket.TrustLedger} reports about the past: {@link
 * dev.trustbucket.history.LedgerStep} (what each event did), {@link
 * dev.trustbucket.history.TimelinePoint} and {@link dev.trustbucket.history.Sampling} (the level
 * over time, for charts).
 */
@NullMarked
package dev.trustbucket.history;

import org.jspecify.annotations.NullMarked;
