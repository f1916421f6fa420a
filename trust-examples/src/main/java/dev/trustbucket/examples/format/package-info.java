/**
 * How the example programs write numbers and user text for people: {@link
 * dev.trustbucket.examples.format.Percent} turns levels and fractions into percentages, {@link
 * dev.trustbucket.examples.format.Clip} shortens a user's text for a message or a label, {@link
 * dev.trustbucket.examples.format.Terms} names tiers, behaviours and disclosures in trust-core's
 * words. Every program of the examples module uses these three, so that a level or a tier reads
 * the same in the workshop's terminal, its charts, its web page and the review tool.
 */
package dev.trustbucket.examples.format;
