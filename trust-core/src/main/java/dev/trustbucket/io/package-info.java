/**
 * Storing trust: {@link dev.trustbucket.io.TrustCodec} writes bucket states and ledgers as
 * plain, versioned text (format version 2, with event counts and CRC-32C checksums that catch a
 * line changed, dropped, added or moved) and reads them back exactly; it still reads format
 * version 1, which has neither. {@link dev.trustbucket.io.EventRecord} is an event as strings and
 * a number, for database rows and CSV files.
 */
@NullMarked
package dev.trustbucket.io;

import org.jspecify.annotations.NullMarked;
