package dev.blueprints.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The synthesized Terraform JSON of one stack ({@code {"resource": {type: {name: {...}}}, "terraform": ...}})
 * with the look-ups rules need: resources by type, resources that refer to another one, and the environment.
 */
public final class StackView {
  private final String id;
  private final JsonNode root;
  private final Set<String> declaredAccounts;

  public StackView(String id, JsonNode root) {
    this(id, root, Set.of());
  }

  /**
   * @param declaredAccounts the AWS accounts the settings of the app declare for this stack's environment (empty
   *                         when none does)
   */
  public StackView(String id, JsonNode root, Set<String> declaredAccounts) {
    this.id = id;
    this.root = root;
    this.declaredAccounts = Set.copyOf(declaredAccounts);
  }

  /** The accounts the app's settings declare for this stack's environment; empty when none is declared. */
  public Set<String> declaredAccounts() {
    return declaredAccounts;
  }

  /** The stack's id (its construct path for a top-level stack). */
  public String id() {
    return id;
  }

  public JsonNode root() {
    return root;
  }

  /** The {@code terraform} block: backend, cloud, required providers. */
  public JsonNode terraform() {
    return root.path("terraform");
  }

  /** Resources of {@code type}, in file order. */
  public List<ResourceView> resources(String type) {
    List<ResourceView> out = new ArrayList<>();
    root.path("resource").path(type).fields().forEachRemaining(e -> out.add(new ResourceView(type, e.getKey(), e.getValue())));
    return out;
  }

  /** Resources of {@code type} whose {@code attribute} refers to {@code target} (any of its attributes). */
  public List<ResourceView> referencing(String type, String attribute, ResourceView target) {
    List<ResourceView> out = new ArrayList<>();
    for (ResourceView candidate : resources(type)) if (candidate.refersTo(attribute, target)) out.add(candidate);
    return out;
  }

  /**
   * The environment: the provider's default tag {@code Environment}, else the middle part of a stack id
   * {@code <blueprint>-<env>-<layer>}; empty when neither says.
   */
  public String environment() {
    for (JsonNode provider : ResourceView.elements(root.path("provider").path("aws"))) {
      for (JsonNode defaults : ResourceView.elements(provider.path("default_tags"))) {
        JsonNode env = defaults.path("tags").path("Environment");
        if (env.isTextual() && !ResourceView.expression(env.asText())) return env.asText().toLowerCase(Locale.ROOT);
      }
    }
    String[] parts = id.split("-");
    return parts.length >= 3 ? parts[parts.length - 2].toLowerCase(Locale.ROOT) : "";
  }

  /** True in {@code prod}/{@code production}: rules about availability and protection apply there. */
  public boolean production() {
    String env = environment();
    return env.equals("prod") || env.equals("production");
  }

  @Override
  public String toString() {
    return id;
  }
}
