package dev.blueprints.app;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import dev.blueprints.blueprints.Blueprint;
import dev.blueprints.app.Blueprints;
import dev.blueprints.blueprints.LayerStack;
import dev.blueprints.settings.SettingsFile;
import dev.blueprints.settings.SettingsNode;
import dev.blueprints.core.AwsRegions;
import dev.blueprints.core.Settings;
import dev.blueprints.state.StateBootstrapStack;
import dev.blueprints.core.StateSettings;
import dev.blueprints.policy.Policy;
import dev.blueprints.policy.rules.RulePacks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * Builds the construct tree of a selection: the {@code state-bootstrap} stack, then each selected
 * blueprint for each selected environment. Every settings file is read and validated before the first
 * construct is created, so a bad value stops the run with nothing written.
 */
public final class BlueprintsApp {
  private BlueprintsApp() {}

  /**
   * A new app writing to {@code outdir}, checked by the library's rule pack: the app {@link Main} synthesizes.
   * Construct stack traces stay out of the output: they are large and nobody reads them in Terraform JSON. It is
   * written only through {@code Policy.synth} ({@link Main#synth} included), which checks the files, so its stacks
   * register no validation of their own ({@link Policy#checkWrittenFilesOnly}).
   */
  public static App newApp(Path outdir) {
    App app = new App(AppConfig.builder().outdir(outdir.toString()).stackTraces(false).build());
    Policy.attach(app, RulePacks.blueprints());
    Policy.checkWrittenFilesOnly(app);
    return app;
  }

  /** Loads and builds in one step (tests); {@link Main} loads first so it can fail before creating the app. */
  public static List<LayerStack> build(Construct app, Selection selection) {
    return build(app, load(selection));
  }

  /**
   * The validated settings of every selected environment.
   *
   * @param selection     what was asked for
   * @param environments  each environment's settings file, in selection order
   */
  public record Deployment(Selection selection, Map<String, SettingsFile> environments) {}

  /** Reads and checks every selected settings file; nothing is created. */
  public static Deployment load(Selection selection) {
    Map<String, SettingsFile> byEnvironment = new LinkedHashMap<>();
    for (String env : selection.environments()) byEnvironment.put(env, SettingsFile.load(selection.settingsDir(), env));

    SettingsFile first = byEnvironment.values().iterator().next();
    StateSettings state = first.settings().state();
    for (var entry : byEnvironment.entrySet()) {
      StateSettings other = entry.getValue().settings().state();
      if (!other.bucket().equals(state.bucket()) || !other.region().equals(state.region())
          || other.lock() != state.lock() || !java.util.Objects.equals(other.lockTable(), state.lockTable())
          || !java.util.Objects.equals(other.account(), state.account()) || !java.util.Objects.equals(other.roleArn(), state.roleArn())) {
        throw new IllegalArgumentException("state of environment " + entry.getKey() + " (bucket " + other.bucket() + " in "
            + other.region() + ") differs from " + first.settings().environment().name() + " (bucket " + state.bucket()
            + " in " + state.region() + "): environments synthesized together share one state bucket, region, lock, account and role; "
            + "synthesize them separately with --env");
      }
      List<String> unknown = new ArrayList<>(entry.getValue().blueprints().fieldNames());
      unknown.removeAll(Blueprints.ids());
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException(entry.getValue().blueprints().file() + ": unknown blueprint(s) " + unknown
            + " under \"blueprints\"; known blueprints are " + Blueprints.ids());
      }
    }

    Accounts.requireSeparate(byEnvironment);
    return new Deployment(selection, byEnvironment);
  }

  /** Adds the bootstrap stack and every selected blueprint's stacks to {@code app}; returns the blueprint stacks. */
  public static List<LayerStack> build(Construct app, Deployment deployment) {
    Selection selection = deployment.selection();
    Map<String, SettingsFile> byEnvironment = deployment.environments();
    SettingsFile first = byEnvironment.values().iterator().next();
    StateSettings state = first.settings().state();
    new StateBootstrapStack(app, StateBootstrapStack.ID, first.settings().project(), state, first.settings().tags());
    List<LayerStack> stacks = new ArrayList<>();
    for (String id : selection.blueprints()) {
      Blueprint blueprint = Blueprints.byId(id);
      for (SettingsFile file : byEnvironment.values()) {
        stacks.addAll(addTo(blueprint, app, file));
      }
    }
    return stacks;
  }

  /**
   * The settings of one blueprint: {@code blueprints.<id>.region} and {@code .availabilityZones} move it out of the
   * file's region (the state bucket stays where it is); zones default to the region's first two (three with high
   * availability), as at the top level.
   */
  static Settings regionOf(SettingsFile file, SettingsNode options, String path) {
    Settings top = file.settings();
    if (!options.has("region") && !options.has("availabilityZones")) return top;
    String region = AwsRegions.require(path + ".region", options.string("region", top.region()));
    List<String> zones = options.strings("availabilityZones",
        region.equals(top.region()) ? top.availabilityZones() : AwsRegions.defaultZones(region, top.availabilityZones().size()));
    try {
      return top.withRegion(region, zones);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file.blueprints().file() + ": " + path + "." + e.getMessage(), e);
    }
  }

  /**
   * One blueprint in one environment. An error a construct reports about its own field (every settings value is
   * checked under its settings path first; this is the net under that) is prefixed with the settings object the
   * blueprint was built from; a construct-id clash the jsii runtime reports becomes one line too.
   */
  private static List<LayerStack> addTo(Blueprint blueprint, Construct app, SettingsFile file) {
    String path = "blueprints." + blueprint.id();
    SettingsNode options = file.blueprints().object(blueprint.id());
    Settings settings = regionOf(file, options, path);
    try {
      return blueprint.addTo(app, settings, options.without("region", "availabilityZones"));
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && (e.getMessage().contains(path) || e.getMessage().startsWith(file.blueprints().file()))) throw e;
      throw new IllegalArgumentException(file.blueprints().file() + ": " + path + " (environment "
          + file.settings().environment().name() + "): " + e.getMessage(), e);
    } catch (software.amazon.jsii.JsiiError e) {
      if (EnvironmentFault.nodeExited(e)) throw e;   // the machine's fault, not the blueprint's: Main reports it as such
      String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw new IllegalArgumentException(path + " (environment " + file.settings().environment().name() + "): " + message, e);
    }
  }
}
