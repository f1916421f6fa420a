/**
 * What people do: {@link dev.trustbucket.behaviour.Behaviour} (a kind of action, a drop or a
 * drain, with a stable id and a default weight), the stock ones in {@link
 * dev.trustbucket.behaviour.Behaviours}, the {@link dev.trustbucket.behaviour.BehaviourCatalogue}
 * a policy accepts, and the {@link dev.trustbucket.behaviour.Dimension} and {@link
 * dev.trustbucket.behaviour.Direction} that classify them.
 */
@NullMarked
package dev.trustbucket.behaviour;

import org.jspecify.annotations.NullMarked;
