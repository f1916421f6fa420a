package dev.trustbucket.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.testing.HistoryGenerators;
import dev.trustbucket.testing.HistoryGenerators.EventSpec;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Dimension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * An account against a simple model: the list of events it accepted. Actions record one event or
 * a batch; some are out of time order or of an unknown behaviour and must change nothing.
 */
@Label("TrustAccount: a model of accepted events")
class TrustAccountProperties {
  private static final Behaviour UNKNOWN = Behaviour.drain("forgot-the-demo", Dimension.ABILITY, 1.0, "Forgot the demo");

  /**
   * One step: events to record together (one alone means {@code record}), each either laid after
   * the account's last event or moved an hour before it, or of an unknown behaviour.
   */
  record Action(List<EventSpec> specs, int spoil) {}

  @Provide
  Arbitrary<List<Action>> actions() {
    Arbitrary<Action> action =
        Combinators.combine(
                HistoryGenerators.eventSpecs(Duration.ofDays(60)).list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.of(0, 0, 0, 0, 0, 0, 1, 2))
            .as(Action::new);
    return action.list().ofMaxSize(60);
  }

  @Property(tries = 150)
  @Label("accepted events are exactly the valid actions' events; rejected actions change nothing; listeners hear each change once")
  void accountFollowsTheModel(@ForAll("policies") TrustPolicy policy, @ForAll("actions") List<Action> actions) {
    Instant start = HistoryGenerators.EPOCH;
    TrustAccount account = TrustAccount.of(Relationship.of("alice", "bob"), policy, start);
    TrustAccountTest.Recorder recorder = new TrustAccountTest.Recorder();
    account.addListener(recorder);
    List<TrustEvent> model = new ArrayList<>();

    for (Action a : actions) {
      Instant last = model.isEmpty() ? start : model.get(model.size() - 1).time();
      List<TrustEvent> events = new ArrayList<>(HistoryGenerators.lay(last, a.specs()));
      int spoiled = events.size() - 1;
      if (a.spoil() == 1) {
        events.set(spoiled, events.get(spoiled).withTime(last.minusSeconds(3_600)));
      } else if (a.spoil() == 2) {
        TrustEvent e = events.get(spoiled);
        events.set(spoiled, new TrustEvent(UNKNOWN, e.time(), e.weight(), dev.trustbucket.Disclosure.notRecorded(), e.note()));
      }
      TrustLedger before = account.ledger();
      boolean accepted;
      try {
        if (events.size() == 1) {
          account.record(events.get(0));
        } else {
          account.recordAll(events);
        }
        accepted = true;
      } catch (InvalidTrustInputException e) {
        accepted = false;
      }
      Statistics.label("accepted").collect(accepted);
      assertThat(accepted).isEqualTo(a.spoil() == 0);
      if (accepted) {
        model.addAll(events);
      } else {
        assertThat(account.ledger()).isSameAs(before);
      }
      assertThat(account.state()).isEqualTo(account.ledger().state());
    }

    TrustLedger ledger = account.ledger();
    assertThat(ledger.events()).containsExactlyElementsOf(model);
    assertThat(account.state()).isEqualTo(ledger.replay());
    assertThat(recorder.heard).containsExactlyElementsOf(TrustAccountTest.expectedNotices(ledger));
  }

  @Provide
  Arbitrary<TrustPolicy> policies() {
    return HistoryGenerators.policies();
  }
}
