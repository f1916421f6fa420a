package dev.trustbucket.spring.boot;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.AutonomyLadder;
import dev.trustbucket.BreachRules;
import dev.trustbucket.CommitmentRules;
import dev.trustbucket.DrainMultipliers;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.Rates;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.decay.DecayRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Builds the {@link TrustPolicy} that {@code trustbucket.*} properties describe: the preset, then
 * the overrides, the ladder and the organisation's behaviours.
 *
 * <p>Every value the model refuses becomes an {@link InvalidConfigurationPropertyValueException}
 * naming the property (e.g. {@code trustbucket.policy.loss-rate}), the value and the model's own
 * reason, which Spring Boot reports when it stops the start-up.
 */
public final class TrustPolicyFactory {
  private static final String POLICY = "trustbucket.policy.";
  private static final String LADDER = "trustbucket.ladder.";

  private TrustPolicyFactory() {}

  /**
   * Builds the policy.
   *
   * @param properties the bound properties
   * @return the validated policy
   * @throws InvalidConfigurationPropertyValueException when a property names an unknown preset,
   *     a behaviour lacks a setting, or the model refuses a value
   */
  public static TrustPolicy build(TrustBucketProperties properties) {
    requireNonNull(properties, "properties");
    String presetName = properties.getPreset();
    TrustPolicy preset =
        TrustPolicy.preset(presetName)
            .orElseThrow(() -> new InvalidConfigurationPropertyValueException(
                "trustbucket.preset", presetName,
                "no preset has that name; the presets are "
                    + TrustPolicy.presets().stream().map(TrustPolicy::name).collect(Collectors.joining(", "))));
    TrustBucketProperties.Policy o = properties.getPolicy();
    TrustPolicy.Builder b = TrustPolicy.builder();
    b.from(preset);
    boolean changed = false;
    try {
      // The properties stay flat (trustbucket.policy.gain-rate, ...); each of the policy's parts is
      // rebuilt from the preset's with the properties that are set, and validated as a whole.
      changed |= set(o.getBaseline(), b::baseline);
      Rates r = preset.rates();
      Rates rates = new Rates(or(o.getGainRate(), r.gainRate()), or(o.getLossRate(), r.lossRate()));
      b.rates(rates);
      changed |= anySet(o.getGainRate(), o.getLossRate());
      DrainMultipliers m = preset.drainMultipliers();
      DrainMultipliers multipliers = new DrainMultipliers(
          or(o.getIntegrityMultiplier(), m.integrityMultiplier()),
          or(o.getSelfReportedMultiplier(), m.selfReportedMultiplier()),
          or(o.getDiscoveredMultiplier(), m.discoveredMultiplier()),
          or(o.getDiscoveredMultiplierLimit(), m.discoveredMultiplierLimit()),
          or(o.getConcealmentHalfTime(), m.concealmentHalfTime()));
      b.drainMultipliers(multipliers);
      changed |= anySet(o.getIntegrityMultiplier(), o.getSelfReportedMultiplier(), o.getDiscoveredMultiplier(),
          o.getDiscoveredMultiplierLimit(), o.getConcealmentHalfTime());
      BreachRules br = preset.breachRules();
      BreachRules breachRules = BreachRules.of(
          or(o.getMajorSeverity(), br.majorSeverity()),
          or(o.getIntegrityBreaches(), br.hasIntegrityBreaches()),
          or(o.getScarRate(), br.scarRate()),
          or(o.getMaxScar(), br.maxScar()));
      b.breachRules(breachRules);
      changed |= anySet(o.getMajorSeverity(), o.getIntegrityBreaches(), o.getScarRate(), o.getMaxScar());
      CommitmentRules c = preset.commitmentRules();
      CommitmentRules commitmentRules = new CommitmentRules(
          or(o.getBrokenPromiseMultiplier(), c.brokenPromiseMultiplier()),
          or(o.getAbandonmentMultiplier(), c.abandonmentMultiplier()),
          or(o.getRenegotiationCost(), c.renegotiationCost()),
          or(o.getRenegotiationNoticeHalfTime(), c.renegotiationNoticeHalfTime()));
      b.commitmentRules(commitmentRules);
      changed |= anySet(o.getBrokenPromiseMultiplier(), o.getAbandonmentMultiplier(), o.getRenegotiationCost(),
          o.getRenegotiationNoticeHalfTime());
    } catch (InvalidTrustInputException e) {
      throw invalid(POLICY + kebab(e.field()), valueOf(o, e.field()), e);
    }
    changed |= set(decay(o.getDecayHalfLife(), "decay-half-life"), b::decay);
    changed |= set(decay(o.getScarDecayHalfLife(), "scar-decay-half-life"), b::scarDecay);
    AutonomyLadder ladder = ladder(preset.ladder(), properties.getLadder());
    if (!ladder.equals(preset.ladder())) {
      b.ladder(ladder);
      changed = true;
    }
    if (!properties.getBehaviours().isEmpty()) {
      b.catalogue(catalogue(preset.catalogue(), properties.getBehaviours()));
      changed = true;
    }
    String name = o.getName();
    b.name(name != null ? name : changed ? "custom" : preset.name());
    try {
      return b.build();
    } catch (InvalidTrustInputException e) {
      throw invalid(POLICY + kebab(e.field()), valueOf(o, e.field()), e);
    }
  }

  private static boolean anySet(@Nullable Object... values) {
    for (Object v : values) {
      if (v != null) {
        return true;
      }
    }
    return false;
  }

  private static <T> boolean set(@Nullable T value, Consumer<T> setter) {
    if (value == null) {
      return false;
    }
    setter.accept(value);
    return true;
  }

  private static @Nullable DecayRule decay(@Nullable Duration halfLife, String property) {
    if (halfLife == null) {
      return null;
    }
    try {
      return DecayRule.exponential(halfLife);
    } catch (InvalidTrustInputException e) {
      throw invalid(POLICY + property, halfLife, e);
    }
  }

  private static AutonomyLadder ladder(AutonomyLadder preset, TrustBucketProperties.Ladder o) {
    double supervised = or(o.getSupervised(), preset.supervised());
    double trusted = or(o.getTrusted(), preset.trusted());
    double autonomous = or(o.getAutonomous(), preset.autonomous());
    double band = or(o.getHysteresisBand(), preset.hysteresisBand());
    Duration stay = o.getMinimumStay() != null ? o.getMinimumStay() : preset.minimumStay();
    try {
      return new AutonomyLadder(supervised, trusted, autonomous, band, stay);
    } catch (InvalidTrustInputException e) {
      switch (e.field()) {
        case "thresholds":
          throw invalid("trustbucket.ladder", supervised + ", " + trusted + ", " + autonomous, e);
        case "minimumStay":
          throw invalid(LADDER + "minimum-stay", stay, e);
        case "hysteresisBand":
          throw invalid(LADDER + "hysteresis-band", band, e);
        case "supervised":
          throw invalid(LADDER + "supervised", supervised, e);
        case "trusted":
          throw invalid(LADDER + "trusted", trusted, e);
        default:
          throw invalid(LADDER + kebab(e.field()), autonomous, e);
      }
    }
  }

  private static <T> T or(@Nullable T value, T otherwise) {
    return value != null ? value : otherwise;
  }

  private static BehaviourCatalogue catalogue(
      BehaviourCatalogue preset, List<TrustBucketProperties.CustomBehaviour> custom) {
    List<Behaviour> extra = new ArrayList<>();
    for (int i = 0; i < custom.size(); i++) {
      TrustBucketProperties.CustomBehaviour c = custom.get(i);
      String prefix = "trustbucket.behaviours[" + i + "].";
      String id = required(c.getId(), prefix + "id");
      Behaviour behaviour;
      try {
        behaviour = new Behaviour(
            id,
            required(c.getDirection(), prefix + "direction"),
            required(c.getDimension(), prefix + "dimension"),
            c.getWeight(),
            required(c.getLabel(), prefix + "label"));
      } catch (InvalidTrustInputException e) {
        String field = e.field().equals("defaultWeight") ? "weight" : e.field();
        throw invalid(prefix + field, field.equals("weight") ? c.getWeight() : field.equals("id") ? id : c.getLabel(), e);
      }
      try {
        preset.plus(extra.toArray(new Behaviour[0])).plus(behaviour);
      } catch (InvalidTrustInputException e) {
        throw invalid(prefix + "id", id, e);
      }
      extra.add(behaviour);
    }
    return preset.plus(extra.toArray(new Behaviour[0]));
  }

  private static <T> T required(@Nullable T value, String property) {
    if (value == null) {
      throw new InvalidConfigurationPropertyValueException(property, null, "it must be set for every custom behaviour");
    }
    return value;
  }

  private static @Nullable Object valueOf(TrustBucketProperties.Policy o, String field) {
    Function<TrustBucketProperties.Policy, @Nullable Object> getter;
    switch (field) {
      case "name": getter = TrustBucketProperties.Policy::getName; break;
      case "baseline": getter = TrustBucketProperties.Policy::getBaseline; break;
      case "gainRate": getter = TrustBucketProperties.Policy::getGainRate; break;
      case "lossRate": getter = TrustBucketProperties.Policy::getLossRate; break;
      case "integrityMultiplier": getter = TrustBucketProperties.Policy::getIntegrityMultiplier; break;
      case "majorSeverity": getter = TrustBucketProperties.Policy::getMajorSeverity; break;
      case "scarRate": getter = TrustBucketProperties.Policy::getScarRate; break;
      case "maxScar": getter = TrustBucketProperties.Policy::getMaxScar; break;
      case "selfReportedMultiplier": getter = TrustBucketProperties.Policy::getSelfReportedMultiplier; break;
      case "discoveredMultiplier": getter = TrustBucketProperties.Policy::getDiscoveredMultiplier; break;
      case "discoveredMultiplierLimit": getter = TrustBucketProperties.Policy::getDiscoveredMultiplierLimit; break;
      case "concealmentHalfTime": getter = TrustBucketProperties.Policy::getConcealmentHalfTime; break;
      case "brokenPromiseMultiplier": getter = TrustBucketProperties.Policy::getBrokenPromiseMultiplier; break;
      case "abandonmentMultiplier": getter = TrustBucketProperties.Policy::getAbandonmentMultiplier; break;
      case "renegotiationCost": getter = TrustBucketProperties.Policy::getRenegotiationCost; break;
      case "renegotiationNoticeHalfTime": getter = TrustBucketProperties.Policy::getRenegotiationNoticeHalfTime; break;
      case "scarDecay": getter = TrustBucketProperties.Policy::getScarDecayHalfLife; break;
      case "decay": getter = TrustBucketProperties.Policy::getDecayHalfLife; break;
      default: return null;
    }
    return getter.apply(o);
  }

  /** The property of a model field: {@code lossRate} is {@code loss-rate}; decay rules are half-lives. */
  static String kebab(String field) {
    if (field.equals("decay") || field.equals("scarDecay")) {
      field = field + "HalfLife";
    }
    return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static InvalidConfigurationPropertyValueException invalid(
      String property, @Nullable Object value, InvalidTrustInputException cause) {
    // Its cause cannot be set (the constructor fixes it to none): the model's message is the reason.
    return new InvalidConfigurationPropertyValueException(property, value, requireNonNull(cause.getMessage()));
  }
}
