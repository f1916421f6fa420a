/**
 * Storing trust: {@link dev.trustbucket.io.TrustCodec} writes bucket states and ledgers as
 * plain, versioned text (format version 3: the policy each record was kept under and its
 * fingerprint, event counts and CRC-32C checksums that catch a line changed, dropped, added or
 * moved) and reads them back exactly; it still reads format versions 1 and 2, which name their
 * policy without carrying it. {@link dev.trustbucket.io.PolicyForm} is a policy's written form. {@link dev.trustbucket.io.EventRecord} is an event as strings and
 * a number, for database rows and CSV files.
 */
@NullMarked
package dev.trustbucket.io;

import org.jspecify.annotations.NullMarked;
