/**
 * Why a level is what it is: {@link dev.trustbucket.explain.Explanation} breaks a ledger's level
 * into the baseline, each event's {@link dev.trustbucket.explain.Contribution}, the events of one
 * behaviour grouped as a {@link dev.trustbucket.explain.Reason}, and the effect of time. These are
 * numbers and kinds only; the package {@code dev.trustbucket.text} writes them in words.
 */
@NullMarked
package dev.trustbucket.explain;

import org.jspecify.annotations.NullMarked;
