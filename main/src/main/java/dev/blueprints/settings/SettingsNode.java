package dev.blueprints.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict reads from one object of a settings file. A misspelt field or a value of the wrong type fails
 * with the file, the field's path and what is expected, instead of being silently ignored.
 */
public final class SettingsNode {
  private final String file;
  private final String path;
  private final JsonNode node;

  public SettingsNode(String file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node == null ? MissingNode.getInstance() : node;
    if (!this.node.isMissingNode() && !this.node.isNull() && !this.node.isObject()) {
      throw error(path, this.node, "an object {...}");
    }
  }

  /** Fails on any field not in {@code allowed}, listing the allowed ones. */
  public SettingsNode allowOnly(String... allowed) {
    Set<String> known = new TreeSet<>(List.of(allowed));
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!known.contains(field)) throw new IllegalArgumentException(file + ": unknown field " + at(field) + "; allowed fields are " + known);
    }
    return this;
  }

  public boolean has(String field) {
    return node.has(field) && !node.get(field).isNull();
  }

  public String string(String field, String fallback) {
    if (!has(field)) return fallback;
    JsonNode value = node.get(field);
    if (!value.isTextual()) throw error(at(field), value, "a string");
    return value.asText();
  }

  public int integer(String field, int fallback) {
    if (!has(field)) return fallback;
    JsonNode value = node.get(field);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) throw error(at(field), value, "a whole number");
    return value.asInt();
  }

  public boolean bool(String field, boolean fallback) {
    if (!has(field)) return fallback;
    JsonNode value = node.get(field);
    if (!value.isBoolean()) throw error(at(field), value, "true or false");
    return value.asBoolean();
  }

  public List<String> strings(String field, List<String> fallback) {
    if (!has(field)) return fallback;
    JsonNode value = node.get(field);
    if (!value.isArray()) throw error(at(field), value, "an array of strings");
    List<String> out = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) throw error(at(field), value, "an array of strings");
      out.add(item.asText());
    }
    return out;
  }

  public Map<String, String> stringMap(String field) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!has(field)) return out;
    JsonNode value = node.get(field);
    if (!value.isObject()) throw error(at(field), value, "an object of string values");
    value.fields().forEachRemaining(e -> {
      if (!e.getValue().isTextual()) throw error(at(field) + "." + e.getKey(), e.getValue(), "a string");
      out.put(e.getKey(), e.getValue().asText());
    });
    return out;
  }

  /** The nested object {@code field}; an empty node when absent. */
  public SettingsNode object(String field) {
    return new SettingsNode(file, at(field), node.get(field));
  }

  /** This object without {@code fields} (read elsewhere), so {@link #allowOnly} of the rest does not see them. */
  public SettingsNode without(String... fields) {
    if (!node.isObject()) return this;
    com.fasterxml.jackson.databind.node.ObjectNode copy = ((com.fasterxml.jackson.databind.node.ObjectNode) node).deepCopy();
    copy.remove(List.of(fields));
    return new SettingsNode(file, path, copy);
  }

  /** Names of the fields present, in file order. */
  public List<String> fieldNames() {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  public <E extends Enum<E>> E enumValue(String field, Class<E> type, E fallback) {
    String text = string(field, null);
    if (text == null) return fallback;
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(text)) return constant;
    }
    throw error(at(field), node.get(field), "one of " + java.util.Arrays.toString(type.getEnumConstants()));
  }

  public String file() {
    return file;
  }

  private String at(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private IllegalArgumentException error(String where, JsonNode value, String expected) {
    return new IllegalArgumentException(file + ": " + where + " = " + value + " is invalid: expected " + expected);
  }
}
