package dev.blueprints.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.TerraformStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The synthesized Terraform JSON of one stack, with assertions that print the candidates when they
 * miss (the Java {@code Testing.toHave*} helpers only answer true or false).
 */
public final class Synthesized {
  public static final ObjectMapper JSON = new ObjectMapper();
  private final String name;
  private final JsonNode root;

  private Synthesized(String name, JsonNode root) {
    this.name = name;
    this.root = root;
  }

  /** Synthesizes {@code stack} alone (cross-stack references stay unresolved; use {@link AppSynth} for those). */
  public static Synthesized of(TerraformStack stack) {
    return parse(stack.getNode().getId(), Testing.synth(stack));
  }

  public static Synthesized parse(String name, String json) {
    try {
      return new Synthesized(name, JSON.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Synthesized read(Path file) {
    try {
      return parse(file.getParent().getFileName().toString(), Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonNode root() {
    return root;
  }

  public String name() {
    return name;
  }

  /** The {@code terraform} block: backend, required providers, required version. */
  public JsonNode terraform() {
    return root.path("terraform");
  }

  /** Resources of {@code type} by Terraform name, in file order. */
  public Map<String, JsonNode> resources(String type) {
    return block("resource", type);
  }

  public Map<String, JsonNode> dataSources(String type) {
    return block("data", type);
  }

  public int count(String type) {
    return resources(type).size();
  }

  /** Every resource type with its count, sorted. */
  public Map<String, Integer> inventory() {
    Map<String, Integer> out = new java.util.TreeMap<>();
    root.path("resource").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().size()));
    return out;
  }

  /** Total number of resources. */
  public int resourceCount() {
    return inventory().values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The single resource of {@code type}; fails listing what exists otherwise. */
  public JsonNode only(String type) {
    Map<String, JsonNode> all = resources(type);
    if (all.size() != 1) fail(name + ": expected exactly one " + type + ", found " + all.size() + ": " + all.keySet() + inventoryHint());
    return all.values().iterator().next();
  }

  /** The single resource of {@code type} whose {@code path} equals {@code value}. */
  public JsonNode only(String type, String path, Object value) {
    List<JsonNode> matches = where(type, Map.of(path, value));
    if (matches.size() != 1) {
      fail(name + ": expected exactly one " + type + " with " + path + " = " + value + ", found " + matches.size()
          + candidates(type, path));
    }
    return matches.get(0);
  }

  /** The single resource of {@code type} whose construct path contains {@code fragment} (e.g. {@code "Backend/"}). */
  public JsonNode byPath(String type, String fragment) {
    List<JsonNode> matches = new ArrayList<>();
    resources(type).values().forEach(r -> {
      if (r.path("//").path("metadata").path("path").asText().contains(fragment)) matches.add(r);
    });
    if (matches.size() != 1) {
      StringBuilder paths = new StringBuilder();
      resources(type).values().forEach(r -> paths.append("\n    ").append(r.path("//").path("metadata").path("path").asText()));
      fail(name + ": expected one " + type + " whose path contains \"" + fragment + "\", found " + matches.size() + paths);
    }
    return matches.get(0);
  }

  /** Resources of {@code type} matching every path = value pair. */
  public List<JsonNode> where(String type, Map<String, ?> properties) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode resource : resources(type).values()) {
      boolean all = true;
      for (var p : properties.entrySet()) all &= matches(at(resource, p.getKey()), p.getValue());
      if (all) out.add(resource);
    }
    return out;
  }

  /** Asserts at least one resource of {@code type} has all the properties; returns the first. */
  public JsonNode assertResource(String type, Map<String, ?> properties) {
    List<JsonNode> matches = where(type, properties);
    if (matches.isEmpty()) {
      String shown = properties.keySet().iterator().next();
      fail(name + ": no " + type + " with " + properties + candidates(type, shown));
    }
    return matches.get(0);
  }

  /** The Terraform name of a resource node found in this stack. */
  public String nameOf(String type, JsonNode resource) {
    for (var e : resources(type).entrySet()) if (e.getValue() == resource) return e.getKey();
    throw new AssertionError("resource not in " + type + " of " + name);
  }

  /** {@code ${type.name.attribute}} for a resource of this stack. */
  public String ref(String type, JsonNode resource, String attribute) {
    return "${" + type + "." + nameOf(type, resource) + "." + attribute + "}";
  }

  /** Parses a JSON-valued attribute (IAM policies, container definitions, dashboard bodies). */
  public static JsonNode json(JsonNode resource, String path) {
    try {
      return JSON.readTree(at(resource, path).asText());
    } catch (IOException e) {
      throw new AssertionError(path + " is not JSON: " + at(resource, path), e);
    }
  }

  /** Navigates {@code a.b.0.c} the way the policy rules do: object fields, array indexes, single blocks entered. */
  public static JsonNode at(JsonNode node, String path) {
    JsonNode current = node;
    for (String part : path.split("\\.")) {
      if (current.isArray() && part.matches("\\d+")) current = current.path(Integer.parseInt(part));
      else if (current.isArray() && current.size() == 1) current = current.get(0).path(part);
      else current = current.path(part);
      if (current.isMissingNode()) return MissingNode.getInstance();
    }
    return current;
  }

  static boolean matches(JsonNode actual, Object expected) {
    if (expected == null) return actual.isMissingNode() || actual.isNull();
    if (expected instanceof Number n) return actual.isNumber() && actual.asDouble() == n.doubleValue();
    if (expected instanceof Boolean b) return actual.isBoolean() && actual.asBoolean() == b;
    if (expected instanceof String s) return actual.isTextual() && actual.asText().equals(s);
    return JSON.valueToTree(expected).equals(actual);
  }

  private Map<String, JsonNode> block(String kind, String type) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    root.path(kind).path(type).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private String candidates(String type, String path) {
    StringBuilder out = new StringBuilder("\n  candidates (" + type + "." + path + "):");
    resources(type).forEach((k, v) -> out.append("\n    ").append(k).append(" = ").append(at(v, path)));
    if (resources(type).isEmpty()) out.append(" none").append(inventoryHint());
    return out.toString();
  }

  private String inventoryHint() {
    return "\n  resource types in " + name + ": " + inventory();
  }

  /**
   * The plain text of a launch template's {@code user_data}: base64 decoded when it was known at synth, or the
   * string inside {@code ${base64encode("...")}} with its escapes undone when it holds references (which stay
   * as {@code ${...}} in the text).
   */
  public static String userData(JsonNode launchTemplate) {
    String value = launchTemplate.path("user_data").asText();
    String prefix = "${base64encode(\"";
    String suffix = "\")}";
    if (!value.startsWith(prefix) || !value.endsWith(suffix)) {
      return new String(java.util.Base64.getDecoder().decode(value), java.nio.charset.StandardCharsets.UTF_8);
    }
    String inner = value.substring(prefix.length(), value.length() - suffix.length());
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c != '\\' || i + 1 == inner.length()) {
        out.append(c);
        continue;
      }
      char next = inner.charAt(++i);
      switch (next) {
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        default -> out.append(next);
      }
    }
    return out.toString();
  }
}
