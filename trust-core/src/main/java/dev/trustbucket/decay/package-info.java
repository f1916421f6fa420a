/**
 * How memory fades between events: the {@link dev.trustbucket.decay.DecayRule} strategy, with the
 * stock rules {@link dev.trustbucket.decay.DecayRule#exponential exponential} ({@link
 * dev.trustbucket.decay.ExponentialDecay}) and {@link dev.trustbucket.decay.DecayRule#none none}.
 */
@NullMarked
package dev.trustbucket.decay;

import org.jspecify.annotations.NullMarked;
