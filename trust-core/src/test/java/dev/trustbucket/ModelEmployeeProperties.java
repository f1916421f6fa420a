package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trustbucket.testing.TrustGenerators.TrustEventTemplate;
import dev.trustbucket.behaviour.Behaviours;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import dev.trustbucket.testing.TrustGenerators;

/**
 * Law 16 · a model employee can fill it: one ordinary drop a week, from the baseline, reaches the
 * top tier within a year and keeps climbing toward full; decay never caps steady good work below
 * the top tier. Holds for every preset.
 */
@Label("Law 16 · a model employee can fill it")
class ModelEmployeeProperties {

  static final int FIVE_YEARS_OF_WEEKS = 261;

  /** The bucket after each weekly drop, from week 1 (a week after the start) on. */
  static List<TrustBucket> weeklyDrops(TrustPolicy policy, Instant start, List<TrustEventTemplate> drops, int weeks) {
    List<TrustBucket> out = new ArrayList<>(weeks);
    TrustBucket b = TrustBucket.of(policy, start);
    for (int week = 1; week <= weeks; week++) {
      b = BucketInvariants.check(b.plus(drops.get(week % drops.size()).at(start.plus(Duration.ofDays(7L * week)))));
      out.add(b);
    }
    return out;
  }

  @Property(tries = 300)
  @Label("Law 16 · model employee: one ordinary drop a week reaches AUTONOMOUS within 52 weeks and keeps climbing for 5 years, every preset")
  void weeklyDropsReachTheTopAndKeepClimbing(
      @ForAll(supplier = TrustGenerators.Presets.class) TrustPolicy policy,
      @ForAll(supplier = TrustGenerators.Instants.class) Instant start,
      @ForAll @Size(min = 1, max = 7) List<@From(supplier = TrustGenerators.OrdinaryDrops.class) TrustEventTemplate> drops) {
    List<TrustBucket> weeks = weeklyDrops(policy, start, drops, FIVE_YEARS_OF_WEEKS);
    int first = -1;
    for (int i = 0; i < weeks.size(); i++) {
      if (weeks.get(i).tier() == AutonomyTier.AUTONOMOUS) {
        first = i + 1;
        break;
      }
    }
    assertThat(first).as("first week at AUTONOMOUS").isBetween(1, 52);
    for (int i = 1; i < weeks.size(); i++) {
      assertThat(weeks.get(i).level()).as("level at week %s", i + 1).isGreaterThanOrEqualTo(weeks.get(i - 1).level());
      if (i + 1 >= first) {
        assertThat(weeks.get(i).tier()).as("tier at week %s", i + 1).isEqualTo(AutonomyTier.AUTONOMOUS);
      }
    }
    // Just before each drop, after a week of decay, it is still at the top: decay never caps it below.
    TrustBucket last = weeks.get(weeks.size() - 1);
    assertThat(last.at(last.time().plus(Duration.ofDays(7))).tier()).isEqualTo(AutonomyTier.AUTONOMOUS);
  }

  @Example
  @Label("Law 16 · model employee: default preset reaches AUTONOMOUS at the 15th weekly drop (0.8080), 0.9205 at week 52, plateau 0.9254")
  void defaultCalibration() {
    List<TrustEventTemplate> drops =
        List.of(new TrustEventTemplate(Behaviours.DELIVERED_ON_COMMITMENT, 1.0, Disclosure.notRecorded()));
    List<TrustBucket> weeks = weeklyDrops(TrustPolicy.defaults(), TrustGenerators.T0, drops, 520);
    assertThat(weeks.get(13).tier()).isEqualTo(AutonomyTier.TRUSTED);
    assertThat(weeks.get(13).level()).isCloseTo(0.7975, within(5e-5));
    assertThat(weeks.get(14).tier()).isEqualTo(AutonomyTier.AUTONOMOUS);
    assertThat(weeks.get(14).level()).isCloseTo(0.8080, within(5e-5));
    assertThat(weeks.get(51).level()).isCloseTo(0.9205, within(5e-5));
    assertThat(weeks.get(519).level()).isCloseTo(0.9254, within(5e-5));
    assertThat(weeks.get(519).level()).isLessThan(1.0);
  }
}
