package dev.trustbucket;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Optional;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyAttributes;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The jqwik budget under mutation testing: caps every property's tries and fixes its seed, but
 * only when the system property {@value #TRIES} is set, which only trust-core's PIT configuration
 * does (see CONTRIBUTING.md). Surefire runs are untouched.
 *
 * <p>Why a hook: {@code jqwik.tries.default} changes only properties without {@code tries = ...},
 * and half of ours set it explicitly (up to 1,000). PIT runs every covering property once per
 * surviving mutant, so the explicit counts dominate its run time. The fixed seed ({@value #SEED})
 * makes each property generate the same samples for every mutant and every run, so the mutation
 * score does not move from one CI run to the next.
 *
 * <p>Registered for all properties through {@code META-INF/services/net.jqwik.api.lifecycle.LifecycleHook}.
 */
public final class MutationTestingBudget implements AroundPropertyHook {
  /** The system property with the most tries any property may run, e.g. {@code 20}. */
  static final String TRIES = "trustbucket.pit.tries";

  /** The system property with the seed every property uses when it does not fix its own. */
  static final String SEED = "trustbucket.pit.seed";

  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.ALL_DESCENDANTS;
  }

  @Override
  public boolean appliesTo(Optional<AnnotatedElement> element) {
    return element.map(e -> e instanceof Method).orElse(false);
  }

  @Override
  public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
    String maxTries = System.getProperty(TRIES);
    if (maxTries != null) {
      int max = Integer.parseInt(maxTries);
      PropertyAttributes attributes = context.attributes();
      if (attributes.tries().map(t -> t > max).orElse(false)) {
        attributes.setTries(max);
      }
      String seed = System.getProperty(SEED);
      if (seed != null && attributes.seed().map(String::isEmpty).orElse(true)) {
        attributes.setSeed(seed);
      }
    }
    return property.execute();
  }
}
