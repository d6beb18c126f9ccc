package dev.blueprints.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The layers of the production code, bottom to top, as the README draws them. A package may use the layers
 * below it and never one above; no two packages depend on each other, directly or through others.
 *
 * <pre>
 *   modules:  core  <-  auth  <-  observability  <-  network  <-  data  <-  compute  <-  edge
 *             core  <-  (data)  <-  state                 core  <-  policy  <-  policy.rules, cost (reads JSON only)
 *   main:     modules  <-  settings  <-  blueprints  <-  blueprints.&lt;one per architecture&gt;  <-  app   (blueprints may suppress policy rules)
 *   tools:    app  <-  tools
 * </pre>
 */
@Execution(ExecutionMode.CONCURRENT)   // reads class files only, no jsii: beside the other classes
class ArchitectureTest {
  private static JavaClasses imported;

  /** The production classes of every module (no tests), imported once per test run for the classes that read them. */
  static synchronized JavaClasses productionClasses() {
    if (imported == null) {
      imported = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.blueprints");
    }
    return imported;
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.blueprints.(**)").should().beFreeOfCycles().check(productionClasses());
  }

  @Test
  void layersPointDownward() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("core").definedBy("dev.blueprints.core")
        .layer("auth").definedBy("dev.blueprints.auth")
        .layer("observability").definedBy("dev.blueprints.observability")
        .layer("network").definedBy("dev.blueprints.network")
        .layer("data").definedBy("dev.blueprints.data")
        .layer("compute").definedBy("dev.blueprints.compute")
        .layer("edge").definedBy("dev.blueprints.edge")
        .layer("state").definedBy("dev.blueprints.state")
        .layer("policy").definedBy("dev.blueprints.policy")
        .layer("policy rules").definedBy("dev.blueprints.policy.rules")
        .layer("cost").definedBy("dev.blueprints.cost")
        .layer("settings").definedBy("dev.blueprints.settings")
        .layer("blueprint base").definedBy("dev.blueprints.blueprints")
        .layer("blueprints").definedBy("dev.blueprints.blueprints.(*)..")
        .layer("app").definedBy("dev.blueprints.app")
        .layer("tools").definedBy("dev.blueprints.tools")
        .whereLayer("core").mayNotAccessAnyLayer()
        .whereLayer("auth").mayOnlyAccessLayers("core")
        .whereLayer("observability").mayOnlyAccessLayers("core", "auth")
        .whereLayer("network").mayOnlyAccessLayers("core", "auth", "observability")
        .whereLayer("data").mayOnlyAccessLayers("core", "auth", "observability", "network")
        .whereLayer("compute").mayOnlyAccessLayers("core", "auth", "observability", "network", "data")
        .whereLayer("edge").mayOnlyAccessLayers("core", "auth", "observability", "network", "data", "compute")
        .whereLayer("state").mayOnlyAccessLayers("core", "auth", "observability", "network", "data")
        .whereLayer("policy").mayOnlyAccessLayers("core")
        .whereLayer("policy rules").mayOnlyAccessLayers("core", "policy")
        .whereLayer("cost").mayOnlyAccessLayers("core", "policy")
        .whereLayer("settings").mayOnlyAccessLayers("core")
        .whereLayer("blueprint base").mayOnlyAccessLayers("core", "auth", "observability", "network", "data", "compute",
            "edge", "policy", "settings")
        .whereLayer("blueprints").mayOnlyAccessLayers("core", "auth", "observability", "network", "data", "compute",
            "edge", "policy", "settings", "blueprint base")
        .whereLayer("app").mayOnlyBeAccessedByLayers("tools")
        .whereLayer("tools").mayNotBeAccessedByAnyLayer()
        .check(productionClasses());
  }
}
