package dev.trustbucket.spring.boot;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.account.Relationship;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code trustbucket} actuator endpoint: read-only, and off unless the application turns it
 * on ({@code management.endpoint.trustbucket.access=read-only}) and exposes it ({@code
 * management.endpoints.web.exposure.include=trustbucket}). Over HTTP, {@code GET
 * /actuator/trustbucket/{employee}/{manager}} answers a {@link RelationshipReport}, 404 for a
 * relationship with no history and 400 for an id the model refuses.
 */
@Endpoint(id = "trustbucket", defaultAccess = Access.NONE)
public class TrustBucketEndpoint {
  private final TrustRelationships relationships;

  /**
   * Creates the endpoint.
   *
   * @param relationships where the histories are read
   */
  public TrustBucketEndpoint(TrustRelationships relationships) {
    this.relationships = requireNonNull(relationships, "relationships");
  }

  /**
   * Explains one relationship now.
   *
   * @param employee the employee's id
   * @param manager the manager's id
   * @return the report, or null (404 over HTTP) when the relationship has no history
   * @throws InvalidEndpointRequestException when an id is blank, too long or spans lines
   */
  @ReadOperation
  public @Nullable RelationshipReport relationship(@Selector String employee, @Selector String manager) {
    Relationship relationship;
    try {
      relationship = Relationship.of(employee, manager);
    } catch (InvalidTrustInputException e) {
      throw new InvalidEndpointRequestException(requireNonNull(e.getMessage()), requireNonNull(e.getMessage()));
    }
    return relationships.ledger(relationship)
        .map(ledger -> RelationshipReport.of(relationship, ledger, relationships.clock().instant()))
        .orElse(null);
  }
}
