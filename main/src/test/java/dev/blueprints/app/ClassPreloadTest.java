package dev.blueprints.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprints.testing.AppSynth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The class list {@link ClassPreload} loads ahead, and that loading it runs no static initializer. */
class ClassPreloadTest {
  private static final String REGENERATE = "; regenerate the list with: bash tools/scripts/class-list.sh";
  private static final String PROVIDER = "com.hashicorp.cdktf.providers.aws.";

  /** Set by {@link Tripwire}'s static initializer, which must not run when the class is only preloaded. */
  static volatile boolean tripwireInitialized;

  static final class Tripwire {
    static {
      tripwireInitialized = true;
    }

    static void touch() {}
  }

  @Test
  void preloadingLoadsWithoutInitializing() throws ClassNotFoundException {
    String name = Tripwire.class.getName();
    assertEquals(1, ClassPreload.load(List.of(name, "dev.blueprints.NoSuchClass"), getClass().getClassLoader()),
        "the existing class is loaded, the missing one skipped");
    assertFalse(tripwireInitialized, "a preloaded class must not be initialized: provider classes read constants from Node.js when they are");
    Tripwire.touch();
    assertTrue(tripwireInitialized, "first use initializes it as usual");
  }

  @Test
  void everyListedClassStillExists() {
    List<String> names = ClassPreload.names();
    assertTrue(names.size() > 1000, "the list holds the full synth's classes, got " + names.size());
    assertTrue(names.stream().noneMatch(n -> n.startsWith("java.") || n.startsWith("jdk.") || n.startsWith("sun.")),
        "no JDK classes: they differ between JDK versions" + REGENERATE);
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      if (ClassPreload.load(List.of(name), getClass().getClassLoader()) == 0) missing.add(name);
    }
    assertTrue(missing.isEmpty(), missing.size() + " listed classes no longer exist, e.g. " + missing.subList(0, Math.min(5, missing.size())) + REGENERATE);
  }

  @Test
  void theListCoversEveryProviderResourceAndDataSourceTheBlueprintsUse() {
    Set<String> listedPackages = ClassPreload.names().stream().filter(n -> n.startsWith(PROVIDER))
        .map(n -> n.substring(0, n.lastIndexOf('.') + 1)).collect(Collectors.toSet());
    Set<String> uncovered = new TreeSet<>();
    AppSynth.of(Blueprints.ids(), List.of("dev", "prod")).stacks().values().forEach(stack -> {
      // aws_s3_bucket -> ...providers.aws.s3_bucket.S3Bucket, data.aws_iam_policy_document -> ...data_aws_iam_policy_document.
      stack.root().path("resource").fieldNames().forEachRemaining(type -> check(type.substring(4), listedPackages, uncovered));
      stack.root().path("data").fieldNames().forEachRemaining(type -> check("data_" + type, listedPackages, uncovered));
    });
    assertTrue(uncovered.isEmpty(), "the blueprints use provider types the preload list lacks: " + uncovered + REGENERATE);
  }

  private static void check(String providerPackage, Set<String> listedPackages, Set<String> uncovered) {
    if (providerPackage.startsWith("data_terraform_remote_state")) return;   // cdktf core, not the provider
    if (!listedPackages.contains(PROVIDER + providerPackage + ".")) uncovered.add(providerPackage);
  }
}
