/**
 * Trust inside an application: {@link dev.trustbucket.account.TrustAccount} (a thread-safe live
 * history with {@link dev.trustbucket.account.TrustListener listeners}) and {@link
 * dev.trustbucket.account.AccountRegistry} (one account per {@link
 * dev.trustbucket.account.Relationship}).
 */
@NullMarked
package dev.trustbucket.account;

import org.jspecify.annotations.NullMarked;
