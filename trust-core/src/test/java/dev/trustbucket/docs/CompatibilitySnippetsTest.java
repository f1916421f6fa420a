package dev.trustbucket.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.Disclosure;
import dev.trustbucket.PolicyRebase;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.io.MalformedRecordException;
import dev.trustbucket.io.PolicyMismatch;
import dev.trustbucket.io.TrustCodec;
import dev.trustbucket.io.golden.GoldenStories;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The snippets of {@code docs/compatibility.md}, with the numbers the document quotes asserted.
 * Change both together.
 */
@DisplayName("docs/compatibility.md: every snippet compiles and every number it quotes is true")
class CompatibilitySnippetsTest {

  /** The story of docs/embedding.md, up to 20 March 2025. */
  private static TrustLedger story() {
    return TrustLedger.of(TrustPolicy.defaults(), Instant.parse("2025-01-06T09:00:00Z"))
        .plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, Instant.parse("2025-01-10T17:00:00Z")))
        .plus(TrustEvent.of(Behaviours.RENEGOTIATED_DEADLINE, Instant.parse("2025-02-07T17:00:00Z"))
            .withWeight(0.125).withNote("quarterly report"))
        .plus(TrustEvent.of(Behaviours.HID_PROBLEM, Instant.parse("2025-03-03T10:00:00Z"))
            .withDisclosure(Disclosure.discovered(Duration.ofDays(9))).withNote("critical bug in the billing export"))
        .plus(TrustEvent.of(Behaviours.OWNED_MISTAKE_EARLY, Instant.parse("2025-03-20T10:00:00Z"))
            .withNote("wrong config pushed"));
  }

  @Test
  @DisplayName("Stored data: the stored policy wins, or a mismatch is rejected on request")
  void storedPolicyWins() {
    List<String> lines = TrustCodec.formatLedger(story());

    TrustLedger ledger = TrustCodec.parseLedger(lines);              // under the policy stored in it
    assertThat(ledger.policy().presetId()).isEqualTo(Optional.of("default@1"));
    assertThat(ledger.policy().shortFingerprint()).isEqualTo("4d86ba02345c");
    assertThat(TrustCodec.parseLedger(lines, TrustPolicy.strict()).policy()).isSameAs(TrustPolicy.defaults());
    MalformedRecordException e = catchThrowableOfType(MalformedRecordException.class,
        () -> TrustCodec.parseLedger(lines, TrustPolicy.strict(), PolicyMismatch.REJECT));
    assertThat(e.field()).isEqualTo("policy");
    assertThat(TrustCodec.formatState(ledger.state()).length()).isBetween(150, 250);
  }

  @Test
  @DisplayName("Upgrading a store: a format 2 file under a team policy, written again as format 3")
  void upgrading() throws Exception {
    Path file = Path.of(Objects.requireNonNull(getClass().getResource("/golden/v2/ledger-custom.txt")).toURI());
    List<String> formatTwoLines = Files.readAllLines(file, StandardCharsets.UTF_8);
    TrustPolicy teamPolicy = GoldenStories.custom();

    TrustLedger old = TrustCodec.parseLedger(formatTwoLines, teamPolicy);   // a format 2 file
    List<String> rewritten = TrustCodec.formatLedger(old);                  // format 3, policy inside
    assertThat(TrustCodec.parseLedger(rewritten).equals(old)).isTrue();
    assertThat(rewritten.get(0)).startsWith("trust-ledger\t3\tteam custom\t");
  }

  @Test
  @DisplayName("Rebasing a history on purpose: the numbers the page quotes")
  void rebasing() {
    TrustLedger ledger = story();

    PolicyRebase rebase = PolicyRebase.of(ledger, TrustPolicy.strict(), Instant.parse("2025-04-01T00:00:00Z"));
    assertThat(rebase.ledger().policy()).isSameAs(TrustPolicy.strict());
    assertThat(rebase.atLastEvent().levelBefore()).isCloseTo(0.2115, within(1e-4));
    assertThat(rebase.atLastEvent().levelAfter()).isCloseTo(0.0328, within(1e-4));
    assertThat(rebase.now().tierBefore()).isEqualTo(AutonomyTier.MICROMANAGED);
    assertThat(rebase.now().tierAfter()).isEqualTo(AutonomyTier.MICROMANAGED);
    assertThat(rebase.changesAnything()).isTrue();
  }
}
