package dev.trustbucket.examples.workshop.web;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.Disclosure;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.examples.format.Percent;
import dev.trustbucket.examples.format.Terms;
import dev.trustbucket.examples.workshop.Scenario;
import dev.trustbucket.examples.workshop.SvgChart;
import dev.trustbucket.examples.workshop.Timeline;
import dev.trustbucket.explain.Contribution;
import dev.trustbucket.explain.Explanation;
import dev.trustbucket.explain.Reason;
import dev.trustbucket.forecast.RecoveryForecast;
import dev.trustbucket.io.EventRecord;
import dev.trustbucket.text.ForecastFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the page shows for a session's state, as JSON: every number is computed here by trust-core
 * (through the workshop's runner and chart) and written as text ready to show, so the page's
 * script only places it. The chart comes as an SVG document drawn up to the week shown.
 */
final class PageView {
  /** How many reasons each way the explanation lists. */
  static final int REASONS = 3;

  /** The words of the forecast: the workshop page is in English. */
  private static final ForecastFormat FORECAST = ForecastFormat.of(Locale.ENGLISH);

  /** The drop and the cadence of the recovery forecast: one delivered commitment a week. */
  static final Behaviour FORECAST_DROP = Behaviours.DELIVERED_ON_COMMITMENT;

  static final Duration FORECAST_CADENCE = Duration.ofDays(7);

  private PageView() {}

  /** The labels of the two series of the chart in each mode. */
  static String[] labels(WorkshopSession.State s) {
    switch (s.mode()) {
      case POLICY:
        return new String[] {
          "policy \"" + s.draft().policy().name() + "\"", "policy \"" + s.otherPolicy().orElseThrow().name() + "\""
        };
      case VARIANT:
        return new String[] {"A: the story as edited", "B: the saved variant"};
      default:
        return new String[] {"policy \"" + s.draft().policy().name() + "\""};
    }
  }

  /** Series B's timeline, when the state compares. */
  static Optional<Timeline> other(WorkshopSession.State s) {
    switch (s.mode()) {
      case POLICY:
        return Optional.of(s.draft().run(s.otherPolicy().orElseThrow()));
      case VARIANT:
        return Optional.of(s.variant().orElseThrow().run());
      default:
        return Optional.empty();
    }
  }

  /**
   * The chart up to the week shown.
   *
   * @param s the state
   * @param shownWeeks how many weeks to draw
   * @return the SVG document
   */
  static String chart(WorkshopSession.State s, int shownWeeks) {
    Timeline a = s.draft().run();
    String[] labels = labels(s);
    List<SvgChart.Series> series = new ArrayList<>();
    series.add(new SvgChart.Series(labels[0], a));
    other(s).ifPresent(b -> series.add(new SvgChart.Series(labels[1], b)));
    return SvgChart.render(s.draft().scenario().name(), s.draft().scenario().description(), series, shownWeeks);
  }

  /**
   * The whole page's data.
   *
   * @param s the state
   * @param canUndo whether an edit can be undone
   * @param maxEvents the most events a session may hold
   * @return a JSON document
   */
  static String json(WorkshopSession.State s, boolean canUndo, int maxEvents) {
    Draft draft = s.draft();
    Scenario scenario = draft.scenario();
    Timeline a = draft.run();
    int week = s.week();
    Timeline.Week shown = a.weeks().get(week - 1);
    Json j = new Json().beginObject();
    j.field("title", scenario.name()).field("description", scenario.description());
    j.field("policy", draft.policy().name());
    j.field("week", week).field("weeks", a.weeks().size());
    j.field("weekOf", shown.start().toString());
    j.field("canUndo", canUndo).field("eventCount", scenario.steps().size()).field("maxEvents", maxEvents);
    j.field("compare", s.mode().name().toLowerCase(java.util.Locale.ROOT));
    s.otherPolicy().ifPresent(p -> j.field("otherPolicy", p.name()));
    j.field("chart", chart(s, week));

    j.name("panel");
    panel(j, draft.policy(), a, shown);

    j.name("events").beginArray();
    List<Timeline.StepResult> results = new ArrayList<>();
    a.weeks().forEach(w -> results.addAll(w.steps()));
    for (int i = 0; i < results.size(); i++) {
      Timeline.StepResult r = results.get(i);
      TrustEvent e = r.step().event();
      int inWeek = weekOf(a, e.time());
      j.beginObject()
          .field("index", i)
          .field("week", inWeek)
          .field("date", e.time().atOffset(ZoneOffset.UTC).toLocalDate().toString())
          .field("behaviour", e.behaviour().id())
          .field("label", Terms.format(e.behaviour()))
          .field("kind", e.isDrop() ? "drop" : "drain")
          .field("weight", Percent.plain(e.weight()))
          .field("disclosure", EventRecord.from(e).disclosure())
          .field("discoveredDays", e.disclosure().isDiscovered() ? e.disclosure().delay().toDays() : 0)
          .field("narration", r.step().narration())
          .field("breach", draft.policy().isBreach(e))
          .field("shown", inWeek <= week)
          .field("change", Percent.signedPoints(r.change()))
          .endObject();
    }
    j.endArray();

    Optional<Timeline> other = other(s);
    if (other.isPresent()) {
      Timeline b = other.get();
      String[] labels = labels(s);
      Timeline.Week bw = b.weeks().get(Math.min(week, b.weeks().size()) - 1);
      double gap = bw.level() - shown.level();
      j.name("other").beginObject()
          .field("labelA", labels[0])
          .field("labelB", labels[1])
          .field("level", Percent.of(bw.level()))
          .field("tier", bw.tier().name())
          .field("tierText", Terms.format(bw.tier()))
          .field("difference", "At the end of week " + week + ", B is " + Percent.points(Math.abs(gap))
              + " points " + (gap >= 0 ? "above" : "below") + " A (" + Percent.of(bw.level()) + " against "
              + Percent.of(shown.level()) + ").")
          .endObject();
    }

    j.name("table").beginArray();
    for (Timeline.Week w : a.weeks().subList(0, week)) {
      j.beginObject()
          .field("week", w.number())
          .field("weekOf", w.start().toString())
          .field("level", Percent.of(w.level()))
          .field("tier", w.tier().name())
          .field("tierText", Terms.format(w.tier()))
          .field("events", w.steps().size())
          .endObject();
    }
    j.endArray();
    return j.endObject().toString();
  }

  private static int weekOf(Timeline t, Instant time) {
    for (Timeline.Week w : t.weeks()) {
      if (time.isBefore(w.end())) {
        return w.number();
      }
    }
    return t.weeks().size();
  }

  /** Level, tier, confidence, the grouped explanation and the forecast at the end of a week. */
  private static void panel(Json j, TrustPolicy policy, Timeline a, Timeline.Week shown) {
    TrustBucket b = shown.bucket();
    j.beginObject()
        .field("level", Percent.of(b.level()))
        .field("tier", b.tier().name())
        .field("tierText", Terms.format(b.tier()))
        .field("confidence", Terms.format(b.confidence()))
        .field("certainty", Percent.of(b.confidence().certainty(), 0))
        .field("ceiling", Percent.of(b.ceiling()))
        .field("scarred", b.ceiling() < 1.0);
    TrustLedger ledger = TrustLedger.from(a.initial());
    for (Timeline.Week w : a.weeks().subList(0, shown.number())) {
      for (Timeline.StepResult r : w.steps()) {
        ledger = ledger.plus(r.step().event());
      }
    }
    Explanation why = Explanation.of(ledger, shown.end());
    j.name("explanation").beginObject();
    j.field("summary", "Level " + Percent.of(why.level()) + " (" + Terms.format(why.tier()) + ") at the end of week "
        + shown.number() + ", backed by " + Terms.format(why.confidence()) + "; it started at "
        + Percent.of(a.initial().level()) + " and the baseline is " + Percent.of(policy.baseline()) + ".");
    j.name("raised").beginArray();
    for (Reason r : why.topUp(REASONS)) {
      j.value(reason(r));
    }
    j.endArray();
    j.name("lowered").beginArray();
    for (Reason r : why.topDown(REASONS)) {
      j.value(reason(r));
    }
    j.endArray();
    j.field("decay", "Time moved it " + Percent.signedPoints(why.decayTotal()) + " points toward the baseline.");
    j.name("scars").beginArray();
    for (Contribution c : why.openScars()) {
      TrustEvent e = c.step().event();
      j.value(Terms.format(e.behaviour()) + " on " + date(e.time()) + ": a scar of " + Percent.points(c.scarRemaining())
          + " points is left");
    }
    j.endArray();
    j.endObject();
    j.name("forecast").beginArray();
    for (String line : forecast(ledger, b)) {
      j.value(line);
    }
    j.endArray();
    j.endObject();
  }

  /** One behaviour's events: a single event with its date, or how many and what is left of them. */
  private static String reason(Reason r) {
    if (r.count() > 1) {
      StringBuilder s = new StringBuilder(Terms.format(r.behaviour()));
      if (!r.isDrop() && r.disclosure() != Disclosure.Kind.NOT_RECORDED) {
        s.append(", ").append(Terms.format(r.disclosure()));
      }
      return s.append(", ").append(r.count()).append(" times: ").append(Percent.signedPoints(r.immediate()))
          .append(" points then, ").append(Percent.signedPoints(r.remaining())).append(" now").toString();
    }
    Contribution c = r.contributions().get(0);
    TrustEvent e = c.step().event();
    StringBuilder s = new StringBuilder(Terms.format(e.behaviour()));
    if (!e.isDrop() && e.disclosure().kind() != Disclosure.Kind.NOT_RECORDED) {
      s.append(", ").append(Terms.format(e.disclosure()));
    }
    return s.append(" (").append(date(e.time())).append("): ").append(Percent.signedPoints(c.immediate()))
        .append(" points then, ").append(Percent.signedPoints(c.remaining())).append(" now").toString();
  }

  private static List<String> forecast(TrustLedger ledger, TrustBucket now) {
    List<String> lines = new ArrayList<>();
    String drop = "one \"" + Terms.format(FORECAST_DROP).toLowerCase(java.util.Locale.ROOT) + "\" a week";
    Optional<RecoveryForecast> back = RecoveryForecast.untilBeforeLastBreach(ledger, FORECAST_DROP, FORECAST_CADENCE);
    back.ifPresent(f -> lines.add(f.isReachable() && f.drops() == 0
        ? "Already back to " + Percent.of(f.targetLevel()) + ", where it was before the last breach."
        : f.isReachable()
        ? "Back to " + Percent.of(f.targetLevel()) + ", where it was before the last breach: " + count(f.drops())
            + " at " + drop + ", by " + date(f.reachedAt().orElseThrow()) + "."
        : "Not back to " + Percent.of(f.targetLevel()) + " (before the last breach) at " + drop + ": "
            + FORECAST.formatOutOfReach(f).orElse("") + "."));
    AutonomyTier next = now.tier().higher();
    if (next != now.tier()) {
      RecoveryForecast f = RecoveryForecast.untilTier(now, FORECAST_DROP, FORECAST_CADENCE, next);
      lines.add(f.isReachable()
          ? "Next tier, " + Terms.format(next) + " (from " + Percent.of(f.targetLevel()) + "): " + count(f.drops()) + " at " + drop + ", by "
              + date(f.reachedAt().orElseThrow()) + "."
          : "The next tier, " + Terms.format(next) + ", is out of reach at " + drop + ": " + FORECAST.formatOutOfReach(f).orElse("") + ".");
    } else {
      lines.add("Already in the top tier, " + Terms.format(now.tier()) + ".");
    }
    return lines;
  }

  private static String count(int drops) {
    return drops == 1 ? "1 drop" : drops + " drops";
  }

  private static String date(Instant t) {
    return t.atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }
}
