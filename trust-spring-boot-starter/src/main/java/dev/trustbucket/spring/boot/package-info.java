/**
 * Spring Boot auto-configuration for Trust Bucket: the {@link dev.trustbucket.TrustPolicy} from
 * {@code trustbucket.*} properties, the accounts (an in-memory {@link
 * dev.trustbucket.account.AccountRegistry}, or the JDBC store when trust-jdbc and a {@code
 * DataSource} are present), Micrometer meters, a health indicator and a read-only actuator
 * endpoint. Every bean backs off when the application defines its own; {@code
 * docs/spring-boot.md} lists them.
 */
@NullMarked
package dev.trustbucket.spring.boot;

import org.jspecify.annotations.NullMarked;
