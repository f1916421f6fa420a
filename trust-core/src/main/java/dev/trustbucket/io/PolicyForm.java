package dev.trustbucket.io;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.trustbucket.AutonomyLadder;
import dev.trustbucket.BreachRules;
import dev.trustbucket.CommitmentRules;
import dev.trustbucket.DrainMultipliers;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.Rates;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.behaviour.Dimension;
import dev.trustbucket.behaviour.Direction;
import dev.trustbucket.decay.DecayRule;
import dev.trustbucket.internal.Texts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.regex.Pattern;

/**
 * The written form of a {@link TrustPolicy}: one canonical text for every setting, which reads
 * back to an equal policy.
 *
 * <p>Form version {@value #VERSION} is a list of tab-separated lines, always in this order:
 *
 * <pre>
 * trust-policy                 1
 * name                         default
 * baseline                     0.5
 * gainRate                     0.07
 * lossRate                     0.21
 * integrityMultiplier          2.0
 * majorSeverity                2.0
 * integrityBreaches            true
 * scarRate                     0.25
 * maxScar                      0.5
 * selfReportedMultiplier       0.5
 * discoveredMultiplier         1.5
 * discoveredMultiplierLimit    2.0
 * concealmentHalfTime          PT720H
 * brokenPromiseMultiplier      1.75
 * abandonmentMultiplier        1.5
 * renegotiationCost            0.25
 * renegotiationNoticeHalfTime  PT168H
 * decay                        exponential  PT8760H
 * scarDecay                    exponential  PT26280H
 * ladder                       0.35  0.6  0.8  0.05  PT336H
 * catalogue                    19
 * behaviour                    delivered-on-commitment  DROP  ABILITY  1.0  Delivered on a commitment
 * ...                          (one line per behaviour, in catalogue order)
 * </pre>
 *
 * <p>(Shown aligned here; the lines have exactly one tab between fields.) Numbers are written
 * with {@link Double#toString}, durations with {@link Duration#toString}, the ladder as its
 * thresholds (supervised, trusted, autonomous), band and minimum stay, and a behaviour as its id,
 * direction, dimension, default weight and label. A label escapes backslash, tab and line breaks
 * as {@code \\}, {@code \t}, {@code \n}, {@code \r}. A decay rule is {@code exponential} with its
 * half-life, or {@code none}; any other {@link DecayRule} has no written form, and writing a policy
 * that uses one throws an {@link InvalidTrustInputException} that names the rule.
 *
 * <p>The form is canonical: reading accepts only what writing produces (each number in the one
 * spelling {@code Double.toString} gives it, each duration in the one {@code Duration.toString}
 * gives it), so two policies are equal exactly when their written forms are, and exactly when
 * their {@linkplain TrustPolicy#fingerprint() fingerprints} are. {@link TrustPolicy#writtenForm()}
 * writes it and {@link #parse} reads it. Stateless and thread-safe.
 */
public final class PolicyForm {
  /** The version of the written form, the second field of its first line. */
  public static final int VERSION = 1;

  static final String TYPE = "trust-policy";

  /** The ladder's fields, for naming the line of a ladder's validation failure. */
  private static final List<String> LADDER_FIELDS =
      List.of("ladder", "supervised", "trusted", "autonomous", "thresholds", "hysteresisBand", "minimumStay");

  private static final Pattern COUNT = Pattern.compile("[0-9]{1,9}");

  private PolicyForm() {}

  /**
   * Reads a written form: all of it, or nothing.
   *
   * @param lines exactly the lines of one written form, the {@code trust-policy} line first
   * @return the policy, equal to the one written
   * @throws MalformedRecordException when a line is damaged, out of order, not canonical, or the
   *     policy fails validation; the exception gives the line (counting from 1) and the setting
   */
  public static TrustPolicy parse(List<String> lines) {
    requireNonNull(lines, "lines");
    Reader r = new Reader(lines, 0, i -> i + 1);
    TrustPolicy policy = r.read();
    if (r.next < lines.size()) {
      throw new MalformedRecordException(r.next + 1, "catalogue", "the policy must end after its "
          + "catalogue on line " + r.next + " but line " + (r.next + 1) + " follows it", null);
    }
    return policy;
  }

  /**
   * Reads one written form that starts at {@code lines.get(from)}.
   *
   * @param lineOf the line number to report for an index into {@code lines}
   */
  static Reader reader(List<String> lines, int from, IntUnaryOperator lineOf) {
    return new Reader(lines, from, lineOf);
  }

  /** Reads a form line by line; {@link #next} is the index after the last line read. */
  static final class Reader {
    private final List<String> lines;
    private final IntUnaryOperator lineOf;
    private final Map<String, Integer> lineOfField = new HashMap<>();
    int next;

    Reader(List<String> lines, int from, IntUnaryOperator lineOf) {
      this.lines = lines;
      this.next = from;
      this.lineOf = lineOf;
    }

    TrustPolicy read() {
      int first = lineOf.applyAsInt(next);
      String[] head = line("type", 2);
      TrustCodec.expect(head[0], TYPE, first);
      if (!head[1].equals(Integer.toString(VERSION))) {
        throw new MalformedRecordException(first, "version", "the policy form's version must be " + VERSION
            + " (the version this library reads) but was \"" + Texts.clip(head[1]) + "\"", null);
      }
      String name = setting("name")[1];
      double baseline = number("baseline");
      double gainRate = number("gainRate");
      double lossRate = number("lossRate");
      double integrityMultiplier = number("integrityMultiplier");
      double majorSeverity = number("majorSeverity");
      boolean integrityBreaches = bool("integrityBreaches");
      double scarRate = number("scarRate");
      double maxScar = number("maxScar");
      double selfReportedMultiplier = number("selfReportedMultiplier");
      double discoveredMultiplier = number("discoveredMultiplier");
      double discoveredMultiplierLimit = number("discoveredMultiplierLimit");
      Duration concealmentHalfTime = duration("concealmentHalfTime");
      double brokenPromiseMultiplier = number("brokenPromiseMultiplier");
      double abandonmentMultiplier = number("abandonmentMultiplier");
      double renegotiationCost = number("renegotiationCost");
      Duration renegotiationNoticeHalfTime = duration("renegotiationNoticeHalfTime");
      DecayRule decay = decayRule("decay");
      DecayRule scarDecay = decayRule("scarDecay");
      AutonomyLadder ladder = ladder();
      BehaviourCatalogue catalogue = catalogue();
      try {
        return TrustPolicy.builder()
            .name(name)
            .baseline(baseline)
            .rates(new Rates(gainRate, lossRate))
            .drainMultipliers(new DrainMultipliers(integrityMultiplier, selfReportedMultiplier,
                discoveredMultiplier, discoveredMultiplierLimit, concealmentHalfTime))
            .breachRules(BreachRules.of(majorSeverity, integrityBreaches, scarRate, maxScar))
            .commitmentRules(new CommitmentRules(brokenPromiseMultiplier, abandonmentMultiplier,
                renegotiationCost, renegotiationNoticeHalfTime))
            .decay(decay)
            .scarDecay(scarDecay)
            .ladder(ladder)
            .catalogue(catalogue)
            .build();
      } catch (InvalidTrustInputException e) {
        throw rethrow(e);
      }
    }

    private MalformedRecordException rethrow(InvalidTrustInputException e) {
      if (e instanceof MalformedRecordException) {
        return (MalformedRecordException) e;
      }
      Integer line = lineOfField.get(LADDER_FIELDS.contains(e.field()) ? "ladder" : e.field());
      int at = line != null ? line : lineOfField.getOrDefault("name", lineOf.applyAsInt(next));
      return new MalformedRecordException(at, e.field(), requireNonNull(e.getMessage()), e);
    }

    /** The next line, split into exactly {@code fields} fields. */
    private String[] line(String field, int fields) {
      if (next >= lines.size()) {
        int at = lineOf.applyAsInt(next);
        throw new MalformedRecordException(at, field, "the policy ends before its " + field + " line", null);
      }
      int at = lineOf.applyAsInt(next);
      String[] f = TrustCodec.split(requireNonNull(lines.get(next), "line"), fields, at);
      lineOfField.put(field, at);
      next++;
      return f;
    }

    /** The next line, which must be the setting {@code field} with one value. */
    private String[] setting(String field) {
      return setting(field, 2);
    }

    private String[] setting(String field, int fields) {
      int at = lineOf.applyAsInt(next);
      String[] f = line(field, fields);
      if (!f[0].equals(field)) {
        throw new MalformedRecordException(at, field,
            "the policy's setting here must be " + field + " but was \"" + Texts.clip(f[0]) + "\"", null);
      }
      return f;
    }

    private int at(String field) {
      return requireNonNull(lineOfField.get(field), field);
    }

    private double number(String field) {
      return canonicalDouble(setting(field)[1], field, at(field));
    }

    private boolean bool(String field) {
      String text = setting(field)[1];
      if (!text.equals("true") && !text.equals("false")) {
        throw new MalformedRecordException(at(field), field,
            field + " must be true or false but was \"" + Texts.clip(text) + "\"", null);
      }
      return text.equals("true");
    }

    private Duration duration(String field) {
      return canonicalDuration(setting(field)[1], field, at(field));
    }

    private DecayRule decayRule(String field) {
      int at = lineOf.applyAsInt(next);
      if (next < lines.size() && requireNonNull(lines.get(next), "line").equals(field + "\tnone")) {
        line(field, 2);
        return DecayRule.none();
      }
      String[] f = setting(field, 3);
      if (!f[1].equals("exponential")) {
        throw new MalformedRecordException(at, field, field + " must be \"exponential\" with a half-life, or "
            + "\"none\", but was the rule \"" + Texts.clip(f[1]) + "\", which this library does not know", null);
      }
      Duration halfLife = canonicalDuration(f[2], field, at);
      try {
        return DecayRule.exponential(halfLife);
      } catch (InvalidTrustInputException e) {
        throw new MalformedRecordException(at, field, field + ": " + e.getMessage(), e);
      }
    }

    private AutonomyLadder ladder() {
      String[] f = setting("ladder", 6);
      int at = at("ladder");
      try {
        return new AutonomyLadder(canonicalDouble(f[1], "supervised", at), canonicalDouble(f[2], "trusted", at),
            canonicalDouble(f[3], "autonomous", at), canonicalDouble(f[4], "hysteresisBand", at),
            canonicalDuration(f[5], "minimumStay", at));
      } catch (MalformedRecordException e) {
        throw e;
      } catch (InvalidTrustInputException e) {
        throw new MalformedRecordException(at, e.field(), requireNonNull(e.getMessage()), e);
      }
    }

    private BehaviourCatalogue catalogue() {
      String[] f = setting("catalogue");
      int at = at("catalogue");
      if (!COUNT.matcher(f[1]).matches() || (f[1].length() > 1 && f[1].charAt(0) == '0')) {
        throw new MalformedRecordException(at, "catalogue",
            "catalogue must be the number of behaviour lines that follow but was \"" + Texts.clip(f[1]) + "\"", null);
      }
      int count = Integer.parseInt(f[1]);
      List<Behaviour> behaviours = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < count; i++) {
        int line = lineOf.applyAsInt(next);
        Behaviour b = behaviour();
        if (!ids.add(b.id())) {
          throw new MalformedRecordException(line, "id",
              "behaviour id must be unique in a catalogue but \"" + b.id() + "\" appears twice", null);
        }
        behaviours.add(b);
      }
      try {
        return BehaviourCatalogue.of(behaviours);
      } catch (InvalidTrustInputException e) {
        throw new MalformedRecordException(at, e.field(), requireNonNull(e.getMessage()), e);
      }
    }

    private Behaviour behaviour() {
      int at = lineOf.applyAsInt(next);
      String[] f = setting("behaviour", 6);
      try {
        return new Behaviour(f[1], direction(f[2], at), dimension(f[3], at), canonicalDouble(f[4], "defaultWeight", at),
            TrustCodec.unescape(f[5], at, "label"));
      } catch (MalformedRecordException e) {
        throw e;
      } catch (InvalidTrustInputException e) {
        throw new MalformedRecordException(at, e.field(), requireNonNull(e.getMessage()), e);
      }
    }
  }

  private static Direction direction(String text, int line) {
    for (Direction d : Direction.values()) {
      if (d.name().equals(text)) {
        return d;
      }
    }
    throw new MalformedRecordException(line, "direction",
        "direction must be DROP or DRAIN but was \"" + Texts.clip(text) + "\"", null);
  }

  private static Dimension dimension(String text, int line) {
    for (Dimension d : Dimension.values()) {
      if (d.name().equals(text)) {
        return d;
      }
    }
    throw new MalformedRecordException(line, "dimension",
        "dimension must be ABILITY, INTEGRITY or COMMUNICATION but was \"" + Texts.clip(text) + "\"", null);
  }

  /** A number in the one spelling {@link Double#toString} gives it. */
  static double canonicalDouble(String text, String field, int line) {
    double value = TrustCodec.parseDouble(text, field, line);
    if (!Double.toString(value).equals(text)) {
      throw new MalformedRecordException(line, field,
          field + " must be written " + value + " (its one written form) but was \"" + Texts.clip(text) + "\"", null);
    }
    return value;
  }

  /** A duration in the one spelling {@link Duration#toString} gives it. */
  static Duration canonicalDuration(String text, String field, int line) {
    Duration value;
    try {
      value = EventRecord.parseDuration(text, field);
    } catch (InvalidTrustInputException e) {
      throw new MalformedRecordException(line, field, requireNonNull(e.getMessage()), e);
    }
    if (!value.toString().equals(text)) {
      throw new MalformedRecordException(line, field,
          field + " must be written " + value + " (its one written form) but was \"" + Texts.clip(text) + "\"", null);
    }
    return value;
  }
}
