package dev.blueprints.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the Terraform references inside a synthesized stack's string values. */
public final class References {
  /** {@code aws_x.name}, {@code data.aws_x.name}, {@code data.terraform_remote_state.name.outputs.key}. */
  private static final Pattern REFERENCE = Pattern.compile(
      "(?<![A-Za-z0-9_.\\-])(data\\.terraform_remote_state\\.[A-Za-z0-9_-]+\\.outputs\\.[A-Za-z0-9_-]+"
          + "|data\\.[a-z0-9_]+\\.[A-Za-z0-9_-]+|aws_[a-z0-9_]+\\.[A-Za-z0-9_-]+|var\\.[A-Za-z0-9_]+|local\\.[A-Za-z0-9_]+)");
  private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([^}]*)}");

  private References() {}

  /** Every reference in every {@code ${...}} of the stack, except inside {@code //} metadata. */
  public static Set<String> in(JsonNode stack) {
    Set<String> out = new LinkedHashSet<>();
    collect(stack, out);
    return out;
  }

  private static void collect(JsonNode node, Set<String> out) {
    if (node.isTextual()) {
      Matcher interpolation = INTERPOLATION.matcher(node.asText());
      while (interpolation.find()) {
        Matcher reference = REFERENCE.matcher(interpolation.group(1));
        while (reference.find()) out.add(reference.group(1));
      }
    } else if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (!e.getKey().equals("//")) collect(e.getValue(), out);
      });
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, out));
    }
  }

  /** The references of {@code stack} that name nothing it declares. */
  public static List<String> unresolved(JsonNode stack) {
    List<String> missing = new ArrayList<>();
    for (String ref : in(stack)) {
      String[] parts = ref.split("\\.");
      boolean found = switch (parts[0]) {
        case "data" -> stack.path("data").path(parts[1]).has(parts[2]);
        case "var" -> stack.path("variable").has(parts[1]);
        case "local" -> stack.path("locals").has(parts[1]);
        default -> stack.path("resource").path(parts[0]).has(parts[1]);
      };
      if (!found) missing.add(ref);
    }
    return missing;
  }
}
