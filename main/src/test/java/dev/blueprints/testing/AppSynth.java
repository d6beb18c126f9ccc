package dev.blueprints.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.App;
import dev.blueprints.app.BlueprintsApp;
import dev.blueprints.policy.Policy;
import dev.blueprints.app.Selection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Synthesizes a whole app into a temporary directory, as {@code Main} does, so cross-stack references
 * are resolved into remote-state reads. Results are cached per selection: each app is synthesized once
 * per test run however many test classes read it.
 *
 * @param outdir    where it was written
 * @param manifest  {@code manifest.json}
 * @param stacks    every stack's {@code cdk.tf.json} by stack id, in manifest order
 */
public record AppSynth(Path outdir, JsonNode manifest, Map<String, Synthesized> stacks) {
  /** The repository's own settings files, seen from the tests module's directory. */
  public static final Path SETTINGS_DIR = Path.of("..", "main", "settings");
  private static final Map<Selection, AppSynth> CACHE = new ConcurrentHashMap<>();

  public static AppSynth of(List<String> blueprints, List<String> environments) {
    return of(new Selection(blueprints, environments, SETTINGS_DIR));
  }

  public static synchronized AppSynth of(Selection selection) {
    return CACHE.computeIfAbsent(selection, AppSynth::synth);
  }

  private static AppSynth synth(Selection selection) {
    try {
      Path outdir = Files.createTempDirectory("blueprints-synth");
      App app = BlueprintsApp.newApp(outdir);
      BlueprintsApp.build(app, selection);
      Policy.synth(app);
      JsonNode manifest = Synthesized.JSON.readTree(outdir.resolve("manifest.json").toFile());
      Map<String, Synthesized> stacks = new LinkedHashMap<>();
      manifest.path("stacks").fields().forEachRemaining(e ->
          stacks.put(e.getKey(), Synthesized.read(outdir.resolve(e.getValue().path("synthesizedStackPath").asText()))));
      return new AppSynth(outdir, manifest, stacks);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Synthesized stack(String id) {
    Synthesized s = stacks.get(id);
    if (s == null) throw new AssertionError("no stack " + id + "; synthesized: " + stacks.keySet());
    return s;
  }

  private static final java.util.regex.Pattern REMOTE =
      java.util.regex.Pattern.compile("^\\$\\{data\\.terraform_remote_state\\.([A-Za-z0-9_-]+)\\.outputs\\.([A-Za-z0-9_-]+)}(.*)$");

  /**
   * Follows a value through remote state: {@code ${data.terraform_remote_state.x.outputs.y}} read in
   * {@code stackId} becomes the producer's output expression (e.g. {@code ${aws_db_instance.Db.arn}}),
   * with any suffix kept ({@code :password::}); other values come back unchanged.
   */
  public String resolve(String stackId, String value) {
    var m = REMOTE.matcher(value);
    if (!m.matches()) return value;
    JsonNode config = stack(stackId).root().path("data").path("terraform_remote_state").path(m.group(1)).path("config");
    String key = config.path("key").asText();
    for (var e : stacks.entrySet()) {
      JsonNode s3 = e.getValue().terraform().path("backend").path("s3");
      if (s3.path("key").asText().equals(key)) {
        JsonNode output = e.getValue().root().path("output").path(m.group(2));
        if (output.isMissingNode()) throw new AssertionError(e.getKey() + " has no output " + m.group(2));
        return output.path("value").asText() + m.group(3);
      }
    }
    throw new AssertionError(stackId + " reads state key " + key + " that no stack writes");
  }

  /** The stack a remote-state value of {@code stackId} comes from, or {@code stackId} for local values. */
  public String producer(String stackId, String value) {
    var m = REMOTE.matcher(value);
    if (!m.matches()) return stackId;
    String key = stack(stackId).root().path("data").path("terraform_remote_state").path(m.group(1)).path("config").path("key").asText();
    return stacks.entrySet().stream().filter(e -> e.getValue().terraform().path("backend").path("s3").path("key").asText().equals(key))
        .map(Map.Entry::getKey).findFirst().orElseThrow();
  }

  /** The stacks a stack depends on, from the manifest. */
  public List<String> dependencies(String id) {
    List<String> out = new java.util.ArrayList<>();
    manifest.path("stacks").path(id).path("dependencies").forEach(d -> out.add(d.asText()));
    return out;
  }
}
