package dev.trustbucket.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.io.TrustCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("AccountRegistry and Relationship")
class AccountRegistryTest {
  private static final Instant NOW = Instant.parse("2025-01-06T09:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final TrustPolicy POLICY = TrustPolicy.defaults();

  @Test
  @DisplayName("many threads asking for the same relationship get the same account")
  void sameInstanceUnderConcurrency() throws Exception {
    AccountRegistry registry = new AccountRegistry(POLICY, CLOCK);
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<TrustAccount>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          go.await();
          List<TrustAccount> seen = new ArrayList<>();
          for (int i = 0; i < 200; i++) {
            seen.add(registry.account(Relationship.of("employee-" + (i % 20), "manager")));
          }
          return seen;
        }));
      }
      go.countDown();
      List<List<TrustAccount>> all = new ArrayList<>();
      for (Future<List<TrustAccount>> f : futures) {
        all.add(f.get());
      }
      for (int i = 0; i < 200; i++) {
        TrustAccount first = all.get(0).get(i);
        for (List<TrustAccount> seen : all) {
          assertThat(seen.get(i)).isSameAs(first);
        }
        assertThat(first).isSameAs(registry.account(Relationship.of("employee-" + (i % 20), "manager")));
      }
      assertThat(registry.relationships()).hasSize(20);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("a new account starts at the clock's instant, at the baseline, under the registry's policy")
  void opensAtTheClock() {
    AccountRegistry registry = new AccountRegistry(POLICY, CLOCK);
    Relationship r = Relationship.of("alice", "bob");
    assertThat(registry.find(r)).isEmpty();

    TrustAccount account = registry.account(r);

    assertThat(account.ledger().start()).isEqualTo(NOW);
    assertThat(account.state().level()).isEqualTo(0.5);
    assertThat(account.ledger().policy()).isEqualTo(POLICY);
    assertThat(registry.find(r)).containsSame(account);
    assertThat(registry.policy()).isEqualTo(POLICY);
    assertThat(registry.relationships()).containsExactly(r);
  }

  @Test
  @DisplayName("load puts back a stored history, and rejects a duplicate or another policy")
  void load() {
    AccountRegistry registry = new AccountRegistry(POLICY, CLOCK);
    Relationship alice = Relationship.of("alice", "bob");
    TrustLedger stored = TrustLedger.of(POLICY, NOW.minus(Duration.ofDays(100)))
        .plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, NOW.minus(Duration.ofDays(50))));
    TrustLedger read = TrustCodec.parseLedger(TrustCodec.formatLedger(stored), POLICY);

    TrustAccount loaded = registry.load(alice, read);

    assertThat(loaded.state()).isEqualTo(stored.state());
    assertThat(registry.account(alice)).isSameAs(loaded);
    assertThatThrownBy(() -> registry.load(alice, read))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageContaining("alice")
        .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("relationship"));
    assertThat(registry.account(alice)).isSameAs(loaded);
    assertThatThrownBy(() -> registry.load(Relationship.of("carol", "bob"), TrustLedger.of(TrustPolicy.strict(), NOW)))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageContaining("strict")
        .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("policy"));
    assertThat(registry.find(Relationship.of("carol", "bob"))).isEmpty();
  }

  @Test
  @DisplayName("a relationship's ids must be one line of 1 to 200 characters without tabs")
  void relationshipValidation() {
    assertThat(Relationship.of("alice", "bob").toString()).isEqualTo("alice \u2192 bob");
    assertThat(Relationship.of("alice", "bob")).isEqualTo(new Relationship("alice", "bob"));
    for (String bad : new String[] {"", " ", "a\tb", "a\nb", "x".repeat(201)}) {
      assertThatThrownBy(() -> Relationship.of(bad, "bob"))
          .isInstanceOf(InvalidTrustInputException.class)
          .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("employee"));
      assertThatThrownBy(() -> Relationship.of("alice", bad))
          .isInstanceOf(InvalidTrustInputException.class)
          .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("manager"));
    }
    assertThat(Relationship.of("x".repeat(200), "y".repeat(200)).employee()).hasSize(200);
  }

  @Test
  @DisplayName("a registry's error handler receives the failures of listeners of accounts it opened and loaded")
  void listenerErrorsGoToTheRegistrysHandler() {
    List<RuntimeException> failures = new ArrayList<>();
    AccountRegistry registry = new AccountRegistry(POLICY, CLOCK, failures::add);
    TrustListener failing =
        new TrustListener() {
          @Override
          public void onBreach(BreachNotice breach) {
            throw new IllegalStateException("mail server down");
          }
        };
    TrustAccount opened = registry.account(Relationship.of("ana", "mia"));
    TrustAccount loaded = registry.load(Relationship.of("ben", "mia"), TrustLedger.of(POLICY, NOW));
    opened.addListener(failing);
    loaded.addListener(failing);

    TrustEvent breach = TrustEvent.of(Behaviours.HID_PROBLEM, NOW.plus(Duration.ofDays(1)));
    opened.record(breach);
    loaded.record(breach);

    assertThat(failures).hasSize(2).allSatisfy(e -> assertThat(e).hasMessage("mail server down"));
    assertThat(opened.ledger().size()).isEqualTo(1);
    assertThat(loaded.ledger().size()).isEqualTo(1);
    assertThatThrownBy(() -> new AccountRegistry(POLICY, CLOCK, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("listenerErrors");
  }
}
