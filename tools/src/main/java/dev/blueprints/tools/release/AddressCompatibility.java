package dev.blueprints.tools.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blueprints.policy.rules.StatefulResourcePreventDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Terraform addresses of stateful resources (databases, caches, buckets, file systems, user pools,
 * secrets, tables: the types the policy protects with {@code prevent_destroy}) in two synthesized outputs of one
 * app, a baseline and a change. An address the baseline has and the change lacks is a resource Terraform would
 * destroy, with its data, in every consumer's stack, unless the change carries a {@code moved} block from it
 * (CDKTF's {@code moveTo} / {@code moveFromId}) in the same stack.
 */
public final class AddressCompatibility {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AddressCompatibility() {}

  /** One line per stateful address of {@code baseline} that {@code change} neither keeps nor moves. */
  public static List<String> breakingChanges(Path baseline, Path change) {
    Map<String, JsonNode> before = stacks(baseline);
    Map<String, JsonNode> after = stacks(change);
    List<String> out = new ArrayList<>();
    for (var stack : before.entrySet()) {
      JsonNode now = after.get(stack.getKey());
      Set<String> kept = now == null ? Set.of() : stateful(now);
      Map<String, String> moved = now == null ? Map.of() : moved(now);
      for (String address : stateful(stack.getValue())) {
        if (kept.contains(address)) continue;
        String target = moved.get(address);
        if (target != null && kept.contains(target)) continue;
        out.add(now == null
            ? "stack " + stack.getKey() + " is gone: Terraform would destroy " + address
            : "stack " + stack.getKey() + ": " + address + " is no longer synthesized and no moved block names it:"
                + " Terraform would destroy it and create an empty one");
      }
    }
    return out;
  }

  private static Set<String> stateful(JsonNode stack) {
    Set<String> out = new TreeSet<>();
    for (String type : StatefulResourcePreventDestroy.STATEFUL) {
      stack.path("resource").path(type).fieldNames().forEachRemaining(name -> out.add(type + "." + name));
    }
    return out;
  }

  private static Map<String, String> moved(JsonNode stack) {
    Map<String, String> out = new HashMap<>();
    for (JsonNode block : stack.path("moved")) out.put(block.path("from").asText(), block.path("to").asText());
    return out;
  }

  /** The stacks of a synthesized output, by id, as its manifest lists them. */
  private static Map<String, JsonNode> stacks(Path outdir) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    try {
      JsonNode manifest = JSON.readTree(outdir.resolve("manifest.json").toFile());
      for (var it = manifest.path("stacks").fields(); it.hasNext(); ) {
        var stack = it.next();
        Path file = outdir.resolve(stack.getValue().path("synthesizedStackPath").asText());
        out.put(stack.getKey(), JSON.readTree(Files.readString(file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the synthesized output in " + outdir, e);
    }
    return out;
  }

  /** {@code java ... AddressCompatibility <baseline cdktf.out> <change cdktf.out>}: exit 1 when an address would be destroyed. */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: AddressCompatibility <baseline outdir> <change outdir>");
      System.exit(2);
    }
    List<String> breaking = breakingChanges(Path.of(args[0]), Path.of(args[1]));
    breaking.forEach(line -> System.out.println("addresses: " + line));
    System.out.println("addresses: " + breaking.size() + " stateful address(es) would be destroyed");
    System.exit(breaking.isEmpty() ? 0 : 1);
  }
}
