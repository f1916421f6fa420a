/**
 * Trust kept in the relational database an application already runs: {@link
 * dev.trustbucket.jdbc.TrustStore} records events for relationships on a {@link
 * javax.sql.DataSource} that several application servers share, and answers the questions a
 * review tool asks (state now, level and tier at an instant, explanation, forecast, what-if).
 *
 * <p>Key types:
 *
 * <ul>
 *   <li>{@link dev.trustbucket.jdbc.TrustStore}: opens on a data source with a policy, records,
 *       imports and reads;
 *   <li>{@link dev.trustbucket.jdbc.StoreOptions} and {@link dev.trustbucket.jdbc.WriteMode}: how
 *       writes meet other writers (optimistic version check or row lock), retries, backoff, clock,
 *       observer;
 *   <li>{@link dev.trustbucket.jdbc.EventSubmission}: an event with an optional idempotency id, so
 *       that a retried request is recorded once;
 *   <li>{@link dev.trustbucket.jdbc.StoreObserver}: what was written, for metrics;
 *   <li>{@link dev.trustbucket.jdbc.TrustSchema} and {@link dev.trustbucket.jdbc.Dialect}: the
 *       versioned SQL scripts shipped in the jar and the method that applies them;
 *   <li>{@link dev.trustbucket.jdbc.TrustStoreException} and its subclasses: what can go wrong,
 *       each with the relationship and row at fault.
 * </ul>
 *
 * <p>The package depends on trust-core and {@code java.sql} only: no pool, no ORM.
 */
@NullMarked
package dev.trustbucket.jdbc;

import org.jspecify.annotations.NullMarked;
