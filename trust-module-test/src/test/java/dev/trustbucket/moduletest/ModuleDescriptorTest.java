package dev.trustbucket.moduletest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustBucket;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Requires;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("trust-core on the module path: module dev.trustbucket, its exports, and a call across it")
class ModuleDescriptorTest {

  private static final Set<String> API_PACKAGES =
      Set.of(
          "dev.trustbucket",
          "dev.trustbucket.account",
          "dev.trustbucket.behaviour",
          "dev.trustbucket.commitment",
          "dev.trustbucket.decay",
          "dev.trustbucket.explain",
          "dev.trustbucket.forecast",
          "dev.trustbucket.history",
          "dev.trustbucket.io",
          "dev.trustbucket.text");

  private final Module core = TrustBucket.class.getModule();
  private final ModuleDescriptor descriptor = core.getDescriptor();

  @Test
  void trustCoreIsTheNamedModuleDevTrustbucketNotAnAutomaticOne() {
    assertThat(core.isNamed()).isTrue();
    assertThat(core.getName()).isEqualTo("dev.trustbucket");
    assertThat(descriptor.isAutomatic()).isFalse();
    assertThat(descriptor.isOpen()).isFalse();
    // This test itself runs in a named module too, so the checks below are those a consumer meets.
    assertThat(ModuleDescriptorTest.class.getModule().getName()).isEqualTo("dev.trustbucket.moduletest");
  }

  @Test
  void exportsExactlyTheApiPackagesUnqualifiedAndNotInternal() {
    assertThat(descriptor.exports()).noneMatch(Exports::isQualified);
    assertThat(descriptor.exports().stream().map(Exports::source).collect(Collectors.toSet()))
        .isEqualTo(API_PACKAGES);
    assertThat(descriptor.packages()).contains("dev.trustbucket.internal");
    assertThat(core.isExported("dev.trustbucket.internal")).isFalse();
    assertThat(descriptor.opens()).isEmpty();
  }

  @Test
  void readsGuavaAndJSpecifyTransitivelyAndImmutablesOnlyAtCompileTime() {
    assertThat(descriptor.requires())
        .anySatisfy(
            r -> {
              assertThat(r.name()).isEqualTo("com.google.common");
              assertThat(r.modifiers()).containsExactly(Requires.Modifier.TRANSITIVE);
            })
        .anySatisfy(
            r -> {
              assertThat(r.name()).isEqualTo("org.jspecify");
              assertThat(r.modifiers()).containsExactly(Requires.Modifier.TRANSITIVE);
            })
        .anySatisfy(
            r -> {
              assertThat(r.name()).isEqualTo("org.immutables.value.annotations");
              assertThat(r.modifiers()).containsExactly(Requires.Modifier.STATIC);
            });
    // Resolved at run time because it is required, not static: reflection sees @NullMarked.
    assertThat(core.getLayer().findModule("org.jspecify")).isPresent();
    assertThat(TrustBucket.class.getPackage().isAnnotationPresent(org.jspecify.annotations.NullMarked.class))
        .isTrue();
    assertThat(descriptor.requires().stream().map(Requires::name))
        .containsExactlyInAnyOrder(
            "java.base", "com.google.common", "org.jspecify", "org.immutables.value.annotations");
  }

  @Test
  void theInternalPackageCannotBeUsedFromAnotherModule() throws Exception {
    Class<?> internal = Class.forName("dev.trustbucket.internal.EpochMicros");
    assertThat(internal.getModule()).isSameAs(core);
    assertThatThrownBy(() -> internal.getMethod("toInstant", long.class).invoke(null, 0L))
        .isInstanceOf(IllegalAccessException.class)
        .hasMessageContaining("does not export dev.trustbucket.internal");
  }

  @Test
  void theQuickStartRunsAcrossTheModuleBoundary() {
    TrustBucket bucket = QuickStart.play();
    // The README's figures: two drops and one drain leave the bucket at 0.435, still SUPERVISED.
    assertThat(bucket.level()).isCloseTo(0.435, org.assertj.core.data.Offset.offset(0.0005));
    assertThat(bucket.tier()).isEqualTo(AutonomyTier.SUPERVISED);
  }

  @Test
  void explanationsAreWrittenFromTheBundlesInsideTheNamedModule() {
    assertThat(QuickStart.explain(java.util.Locale.ENGLISH))
        .startsWith("Level ").contains("(supervised)").contains("Missed a deadline: \u2212");
    assertThat(QuickStart.explain(java.util.Locale.GERMAN))
        .startsWith("Niveau ").contains("(beaufsichtigt)").contains("Eine Frist verpasst: \u2212");
    assertThat(dev.trustbucket.text.ExplanationFormat.class.getModule().getName()).isEqualTo("dev.trustbucket");
  }
}
