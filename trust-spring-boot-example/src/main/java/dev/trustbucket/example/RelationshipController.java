package dev.trustbucket.example;

import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.spring.boot.RelationshipReport;
import dev.trustbucket.spring.boot.TrustRelationships;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Records events and explains relationships over HTTP, through the starter's {@link
 * TrustRelationships} (the JDBC store on H2 here).
 *
 * <pre>
 * POST /relationships/ana/bo/events   {"behaviour": "missed-deadline", "note": "release notes slipped"}
 * GET  /relationships/ana/bo           the level, tier and explanation
 * </pre>
 */
@RestController
public class RelationshipController {
  private final TrustRelationships relationships;

  /**
   * Creates the controller.
   *
   * @param relationships the starter's relationships
   */
  public RelationshipController(TrustRelationships relationships) {
    this.relationships = relationships;
  }

  /**
   * An event as posted.
   *
   * @param behaviour the behaviour's id in the policy's catalogue, e.g. {@code missed-deadline}
   * @param time when it happened, ISO-8601; now when absent
   * @param weight its weight; the behaviour's ordinary weight when absent
   * @param note a short note, e.g. what slipped
   */
  public record EventRequest(
      String behaviour, @Nullable Instant time, @Nullable Double weight, @Nullable String note) {}

  /**
   * The state after a recorded event.
   *
   * @param level the level, in [0, 1]
   * @param tier the autonomy tier
   * @param events how many events the relationship holds
   */
  public record Recorded(double level, String tier, int events) {}

  /**
   * Records one event.
   *
   * @param employee the employee's id
   * @param manager the manager's id
   * @param request the event
   * @return the level and tier after it (201)
   */
  @PostMapping("/relationships/{employee}/{manager}/events")
  public ResponseEntity<Recorded> record(
      @PathVariable String employee, @PathVariable String manager, @RequestBody EventRequest request) {
    Relationship relationship = Relationship.of(employee, manager);
    if (request.behaviour() == null) {
      throw new InvalidTrustInputException("behaviour", "behaviour must be given");
    }
    TrustEvent event = TrustEvent.of(
        relationships.policy().catalogue().byId(request.behaviour()),
        request.time() != null ? request.time() : relationships.clock().instant());
    if (request.weight() != null) {
      event = event.withWeight(request.weight());
    }
    if (request.note() != null) {
      event = event.withNote(request.note());
    }
    TrustBucket after = relationships.record(relationship, event);
    int events = relationships.ledger(relationship).map(l -> l.size()).orElse(0);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new Recorded(after.level(), after.tier().name().toLowerCase(Locale.ROOT), events));
  }

  /**
   * Explains a relationship now.
   *
   * @param employee the employee's id
   * @param manager the manager's id
   * @return the report, or 404 when the relationship has no history
   */
  @GetMapping("/relationships/{employee}/{manager}")
  public ResponseEntity<RelationshipReport> explain(@PathVariable String employee, @PathVariable String manager) {
    Relationship relationship = Relationship.of(employee, manager);
    return relationships.ledger(relationship)
        .map(ledger -> ResponseEntity.ok(RelationshipReport.of(relationship, ledger, relationships.clock().instant())))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  /**
   * Refused input: 400 with the field and the model's message; nothing was recorded.
   *
   * @param e the refusal
   * @return the field and the message
   */
  @ExceptionHandler(InvalidTrustInputException.class)
  public ResponseEntity<Map<String, String>> refused(InvalidTrustInputException e) {
    return ResponseEntity.badRequest()
        .body(Map.of("field", e.field(), "message", String.valueOf(e.getMessage())));
  }
}
