package dev.blueprints.app;

import dev.blueprints.app.Blueprints;
import dev.blueprints.core.Environment;
import dev.blueprints.core.Validate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What to synthesize: which blueprints, which environments, and where the settings files are.
 * Command-line flags win over environment variables (cdktf-cli passes no flags, so variables serve it).
 *
 * <pre>
 *   --blueprint api-ecs,three-tier   or  BLUEPRINTS_ONLY=api-ecs,three-tier   (default: all)
 *   --env dev                        or  BLUEPRINTS_ENVS=dev                  (default: dev,prod)
 *   --settings path/to/dir           or  BLUEPRINTS_SETTINGS_DIR=...           (default: main/settings)
 * </pre>
 */
public record Selection(List<String> blueprints, List<String> environments, Path settingsDir) {
  public static final Path DEFAULT_SETTINGS_DIR = Path.of("main", "settings");

  public Selection {
    blueprints = List.copyOf(blueprints);
    environments = List.copyOf(environments);
    for (String id : blueprints) Blueprints.byId(id);
    for (String env : environments) Environment.preset(env);
    if (blueprints.isEmpty()) throw Validate.invalid("blueprint", blueprints, "at least one of " + Blueprints.ids());
    if (environments.isEmpty()) throw Validate.invalid("env", environments, "at least one of " + Environment.NAMES);
  }

  public static Selection all() {
    return new Selection(Blueprints.ids(), Environment.NAMES, DEFAULT_SETTINGS_DIR);
  }

  public static Selection parse(String[] args, Map<String, String> env) {
    String blueprints = env.getOrDefault("BLUEPRINTS_ONLY", "");
    String environments = env.getOrDefault("BLUEPRINTS_ENVS", "");
    String settings = env.getOrDefault("BLUEPRINTS_SETTINGS_DIR", "");
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (!List.of("--blueprint", "--env", "--settings").contains(flag)) {
        throw Validate.invalid("argument", flag, "flags are --blueprint <ids>, --env <names>, --settings <dir>");
      }
      if (i + 1 >= args.length) throw Validate.invalid(flag, null, "a value after " + flag);
      String value = args[++i];
      switch (flag) {
        case "--blueprint" -> blueprints = value;
        case "--env" -> environments = value;
        default -> settings = value;
      }
    }
    return new Selection(
        blueprints.isBlank() ? Blueprints.ids() : split(blueprints),
        environments.isBlank() ? Environment.NAMES : split(environments),
        settings.isBlank() ? DEFAULT_SETTINGS_DIR : Path.of(settings));
  }

  private static List<String> split(String csv) {
    List<String> out = new ArrayList<>();
    Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().forEach(out::add);
    return out;
  }
}
