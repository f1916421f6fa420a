/**
 * Why a level is what it is: {@link dev.trustbucket.explain.Explanation} breaks a ledger's level
 * into the baseline, each event's {@link dev.trustbucket.explain.Contribution} and the effect of
 * time, and writes it in words a manager can read.
 */
@NullMarked
package dev.trustbucket.explain;

import org.jspecify.annotations.NullMarked;
