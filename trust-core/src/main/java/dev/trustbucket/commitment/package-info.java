/**
 * Commitments and promises: {@link dev.trustbucket.commitment.Commitment} (a promise with a due
 * date), {@link dev.trustbucket.commitment.Outcome} (how it ended), which together produce the
 * ledger's events; {@link dev.trustbucket.commitment.SayDoRatio} (kept ÷ made) and {@link
 * dev.trustbucket.commitment.OverCommitment} (saying yes to more than fits).
 */
@NullMarked
package dev.trustbucket.commitment;

import org.jspecify.annotations.NullMarked;
