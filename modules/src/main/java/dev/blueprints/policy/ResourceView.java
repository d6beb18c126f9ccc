package dev.blueprints.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One resource of a synthesized stack: {@code resource.<type>.<name>} with its JSON body.
 * Nested blocks may be rendered as an object or as a one-element array; {@link #at} accepts both.
 */
public final class ResourceView {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String type;
  private final String name;
  private final JsonNode body;

  public ResourceView(String type, String name, JsonNode body) {
    this.type = type;
    this.name = name;
    this.body = body;
  }

  public String type() {
    return type;
  }

  public String name() {
    return name;
  }

  public JsonNode body() {
    return body;
  }

  /** The Terraform address {@code type.name}. */
  public String address() {
    return type + "." + name;
  }

  /** The construct path CDKTF records in the resource's metadata; the address when absent. */
  public String path() {
    JsonNode path = body.path("//").path("metadata").path("path");
    return path.isTextual() ? path.asText() : address();
  }

  /** {@code ${type.name.} }: the start of every reference to an attribute of this resource. */
  public String refPrefix() {
    return "${" + address() + ".";
  }

  /** The value at {@code a.b.0.c}; arrays of one block are entered transparently. Missing node when absent. */
  public JsonNode at(String path) {
    return at(body, path);
  }

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

  /** Present and not null. */
  public boolean has(String path) {
    JsonNode value = at(path);
    return !value.isMissingNode() && !value.isNull();
  }

  /**
   * A boolean setting: its literal value, {@code absentDefault} when it is not set, and true when it is
   * an unresolved expression (decided elsewhere, not judged here).
   */
  public boolean on(String path, boolean absentDefault) {
    JsonNode value = at(path);
    if (value.isMissingNode() || value.isNull()) return absentDefault;
    if (value.isBoolean()) return value.asBoolean();
    if (value.isTextual()) {
      String text = value.asText();
      if (text.equalsIgnoreCase("true")) return true;
      if (text.equalsIgnoreCase("false")) return false;
      return expression(text);
    }
    return absentDefault;
  }

  /** Literally true (a boolean or the string "true"). */
  public boolean isTrue(String path) {
    JsonNode value = at(path);
    return value.isBoolean() ? value.asBoolean() : value.isTextual() && value.asText().equalsIgnoreCase("true");
  }

  /** Literally false (a boolean or the string "false"). */
  public boolean isFalse(String path) {
    JsonNode value = at(path);
    return value.isBoolean() ? !value.asBoolean() : value.isTextual() && value.asText().equalsIgnoreCase("false");
  }

  /** A literal number, or null when absent or an expression. */
  public Integer integer(String path) {
    JsonNode value = at(path);
    if (value.isNumber()) return value.asInt();
    if (value.isTextual() && value.asText().matches("-?\\d+")) return Integer.parseInt(value.asText());
    return null;
  }

  /** The text of a scalar, or null when absent. */
  public String text(String path) {
    JsonNode value = at(path);
    return value.isMissingNode() || value.isNull() || value.isContainerNode() ? null : value.asText();
  }

  /** True when the attribute is an unresolved expression such as {@code ${aws_kms_key.k.arn}}. */
  public boolean isExpression(String path) {
    String text = text(path);
    return text != null && expression(text);
  }

  public static boolean expression(String text) {
    return text.contains("${");
  }

  /** How a value reads in a message: {@code absent}, or its JSON. */
  public String show(String path) {
    JsonNode value = at(path);
    return value.isMissingNode() || value.isNull() ? "absent" : value.toString();
  }

  /** Every element of a repeated block (an array), or the block itself (an object); empty when absent. */
  public List<JsonNode> blocks(String path) {
    return elements(at(path));
  }

  public static List<JsonNode> elements(JsonNode value) {
    List<JsonNode> out = new ArrayList<>();
    if (value.isArray()) value.forEach(out::add);
    else if (!value.isMissingNode() && !value.isNull()) out.add(value);
    return out;
  }

  /** Strings of a string-or-list value (IAM {@code Action}, {@code security_groups}). */
  public static List<String> strings(JsonNode value) {
    List<String> out = new ArrayList<>();
    for (JsonNode element : elements(value)) if (element.isValueNode()) out.add(element.asText());
    return out;
  }

  /**
   * Parses a JSON-string attribute (IAM policies, container definitions, dashboard bodies); empty when
   * absent or not JSON (for example a {@code ${jsonencode(...)}} expression).
   */
  public Optional<JsonNode> json(String path) {
    String text = text(path);
    if (text == null) {
      JsonNode value = at(path);
      return value.isContainerNode() ? Optional.of(value) : Optional.empty();
    }
    try {
      return Optional.of(JSON.readTree(text));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** True when some attribute of this resource (at any depth) refers to {@code target}. */
  public boolean refersTo(String path, ResourceView target) {
    return mentions(at(path), target.refPrefix());
  }

  /** Deep search of string values for {@code needle}. */
  public static boolean mentions(JsonNode node, String needle) {
    if (node.isTextual()) return node.asText().contains(needle);
    for (JsonNode child : node) if (mentions(child, needle)) return true;
    return false;
  }

  @Override
  public String toString() {
    return address();
  }
}
