/**
 * Storing trust: {@link dev.trustbucket.io.TrustCodec} writes bucket states and ledgers as
 * plain, versioned text and reads them back exactly; {@link dev.trustbucket.io.EventRecord} is
 * an event as strings and a number, for database rows and CSV files.
 */
@NullMarked
package dev.trustbucket.io;

import org.jspecify.annotations.NullMarked;
