package dev.trustbucket;

import com.google.common.collect.ImmutableList;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.decay.DecayRule;
import dev.trustbucket.decay.ExponentialDecay;
import dev.trustbucket.internal.Texts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes a policy's canonical written form and hashes it; {@code dev.trustbucket.io.PolicyForm}
 * documents the form and reads it.
 */
final class PolicyText {
  private PolicyText() {}

  static ImmutableList<String> lines(TrustPolicy policy) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    out.add("trust-policy\t1");
    out.add("name\t" + policy.name());
    out.add("baseline\t" + policy.baseline());
    Rates rates = policy.rates();
    out.add("gainRate\t" + rates.gainRate());
    out.add("lossRate\t" + rates.lossRate());
    DrainMultipliers m = policy.drainMultipliers();
    BreachRules breach = policy.breachRules();
    out.add("integrityMultiplier\t" + m.integrityMultiplier());
    out.add("majorSeverity\t" + breach.majorSeverity());
    out.add("integrityBreaches\t" + breach.hasIntegrityBreaches());
    out.add("scarRate\t" + breach.scarRate());
    out.add("maxScar\t" + breach.maxScar());
    out.add("selfReportedMultiplier\t" + m.selfReportedMultiplier());
    out.add("discoveredMultiplier\t" + m.discoveredMultiplier());
    out.add("discoveredMultiplierLimit\t" + m.discoveredMultiplierLimit());
    out.add("concealmentHalfTime\t" + m.concealmentHalfTime());
    CommitmentRules c = policy.commitmentRules();
    out.add("brokenPromiseMultiplier\t" + c.brokenPromiseMultiplier());
    out.add("abandonmentMultiplier\t" + c.abandonmentMultiplier());
    out.add("renegotiationCost\t" + c.renegotiationCost());
    out.add("renegotiationNoticeHalfTime\t" + c.renegotiationNoticeHalfTime());
    out.add("decay\t" + decay(policy.decay(), "decay"));
    out.add("scarDecay\t" + decay(policy.scarDecay(), "scarDecay"));
    AutonomyLadder l = policy.ladder();
    out.add(String.join("\t", "ladder", Double.toString(l.supervised()), Double.toString(l.trusted()),
        Double.toString(l.autonomous()), Double.toString(l.hysteresisBand()), l.minimumStay().toString()));
    out.add("catalogue\t" + policy.catalogue().size());
    for (Behaviour b : policy.catalogue().all()) {
      out.add(String.join("\t", "behaviour", b.id(), b.direction().name(), b.dimension().name(),
          Double.toString(b.defaultWeight()), Texts.escape(b.label())));
    }
    return out.build();
  }

  private static String decay(DecayRule rule, String field) {
    if (rule.equals(DecayRule.none())) {
      return "none";
    }
    if (rule instanceof ExponentialDecay) {
      return "exponential\t" + rule.halfLife();
    }
    throw new InvalidTrustInputException(field, field + " rule " + Texts.clip(String.valueOf(rule)) + " ("
        + rule.getClass().getName() + ") has no written form: only DecayRule.exponential and DecayRule.none "
        + "can be stored with a policy");
  }

  /** The SHA-256 of the lines, each followed by a line feed, as 64 lowercase hexadecimal digits. */
  static String sha256(List<String> lines) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java platform has SHA-256", e);
    }
    for (String line : lines) {
      sha.update(line.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
