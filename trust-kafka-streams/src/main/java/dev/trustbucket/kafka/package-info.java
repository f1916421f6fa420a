/**
 * Trust at company scale on Kafka Streams: {@link dev.trustbucket.kafka.TrustSerdes} (keys,
 * events, states, tier changes and breaches, all written with {@link
 * dev.trustbucket.io.TrustCodec}), {@link dev.trustbucket.kafka.TrustTopology} (an events topic
 * folded into a changelog-backed store, with topics of states, tier changes, breaches and dead
 * letters) and {@link dev.trustbucket.kafka.TrustQueries} (the level, tier and explanation of one
 * relationship from the store). {@code docs/streaming.md} explains how to run it.
 */
@NullMarked
package dev.trustbucket.kafka;

import org.jspecify.annotations.NullMarked;
