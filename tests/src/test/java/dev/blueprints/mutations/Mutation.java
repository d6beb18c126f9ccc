package dev.blueprints.mutations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One single change an engineer could make to a synthesized stack by mistake, and the rule that must catch it.
 *
 * @param name   what the change does, as the suite reports it
 * @param ruleId the rule whose new finding catches it
 * @param type   the resource type changed ({@value #STACK} for the stack's {@code terraform} block, {@value #PROVIDER}
 *               for its default AWS provider)
 * @param where  which resources of the type it applies to
 * @param change edits the stack's JSON (a copy) at one resource
 */
record Mutation(String name, String ruleId, String type, Predicate<JsonNode> where, Change change) {
  static final String STACK = "terraform";
  /** The type of a change to the stack's default AWS provider ({@code provider.aws}). */
  static final String PROVIDER = "provider";
  static final ObjectMapper JSON = new ObjectMapper();

  /** Edits {@code root} (the whole stack) at resource {@code name} whose body is {@code body}. */
  interface Change {
    void apply(ObjectNode root, String name, ObjectNode body);
  }

  static Mutation of(String name, String ruleId, String type, Change change) {
    return new Mutation(name, ruleId, type, b -> true, change);
  }

  static Mutation of(String name, String ruleId, String type, Predicate<JsonNode> where, Change change) {
    return new Mutation(name, ruleId, type, where, change);
  }

  /** Sets {@code path} ({@code a.b.0.c}; one-element arrays of blocks entered) to {@code value}, creating objects on the way. */
  static Change set(String path, Object value) {
    return (root, name, body) -> set(body, path, value);
  }

  /** Removes the attribute at {@code path}. */
  static Change remove(String path) {
    return (root, name, body) -> {
      int dot = path.lastIndexOf('.');
      JsonNode parent = dot < 0 ? body : navigate(body, path.substring(0, dot), false);
      if (parent instanceof ObjectNode o) o.remove(path.substring(dot + 1));
    };
  }

  /** Several changes to the same resource, as one mistake. */
  static Change all(Change... changes) {
    return (root, name, body) -> {
      for (Change c : changes) c.apply(root, name, body);
    };
  }

  /** Deletes the resource. */
  static Change delete() {
    return (root, name, body) -> {
      for (var types = root.path("resource").fields(); types.hasNext(); ) {
        JsonNode resources = types.next().getValue();
        if (resources.get(name) == body) ((ObjectNode) resources).remove(name);
      }
    };
  }

  /** Adds a copy of the resource under a new name, changed by {@code edit}. */
  static Change copy(Change edit) {
    return new Copy(edit);
  }

  /** A change that adds a resource: it may start from one its rule already flags, the finding is on the copy. */
  record Copy(Change edit) implements Change {
    @Override
    public void apply(ObjectNode root, String name, ObjectNode body) {
      for (var types = root.path("resource").fields(); types.hasNext(); ) {
        JsonNode resources = types.next().getValue();
        if (resources.get(name) == body) {
          ObjectNode copy = body.deepCopy();
          ((ObjectNode) resources).set(name + "_Copy", copy);
          edit.apply(root, name + "_Copy", copy);
          return;
        }
      }
    }
  }

  /** Edits the policy document held as a JSON string in {@code attribute}. */
  static Change document(String attribute, Consumer<ObjectNode> edit) {
    return (root, name, body) -> {
      try {
        ObjectNode document = (ObjectNode) JSON.readTree(body.path(attribute).asText());
        edit.accept(document);
        body.put(attribute, JSON.writeValueAsString(document));
      } catch (Exception e) {
        throw new IllegalStateException(name + "." + attribute + " is not a JSON document", e);
      }
    };
  }

  /** Edits the first container of a task definition's {@code container_definitions}. */
  static Change container(Consumer<ObjectNode> edit) {
    return (root, name, body) -> {
      try {
        ArrayNode containers = (ArrayNode) JSON.readTree(body.path("container_definitions").asText());
        edit.accept((ObjectNode) containers.get(0));
        body.put("container_definitions", JSON.writeValueAsString(containers));
      } catch (Exception e) {
        throw new IllegalStateException(name + ".container_definitions is not JSON", e);
      }
    };
  }

  /** The {@code Statement} array of a document (a single statement object becomes an array of one). */
  static ArrayNode statements(ObjectNode document) {
    JsonNode statement = document.path("Statement");
    if (statement.isArray()) return (ArrayNode) statement;
    ArrayNode array = document.putArray("Statement");
    if (statement.isObject()) array.add(statement);
    return array;
  }

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  static void set(ObjectNode body, String path, Object value) {
    int dot = path.lastIndexOf('.');
    JsonNode parent = dot < 0 ? body : navigate(body, path.substring(0, dot), true);
    ((ObjectNode) parent).set(path.substring(dot + 1), JSON.valueToTree(value));
  }

  private static JsonNode navigate(JsonNode node, String path, boolean create) {
    JsonNode current = node;
    for (String part : path.split("\\.")) {
      if (current.isArray() && part.matches("\\d+")) {
        current = current.path(Integer.parseInt(part));
        continue;
      }
      if (current.isArray()) current = current.path(0);
      JsonNode next = current.path(part);
      if (next.isMissingNode() && create && current instanceof ObjectNode o) next = o.putObject(part);
      current = next;
    }
    return current;
  }

  /** True when the resource's {@code attribute} (a scalar) equals {@code value}. */
  static Predicate<JsonNode> has(String attribute, String value) {
    return b -> value.equals(b.path(attribute).asText(null));
  }

  /** True when the resource has {@code attribute}. */
  static Predicate<JsonNode> present(String attribute) {
    return b -> !b.path(attribute).isMissingNode();
  }

  /** True when some string in the resource contains {@code text}. */
  static Predicate<JsonNode> mentions(String text) {
    return b -> b.toString().contains(text);
  }
}
