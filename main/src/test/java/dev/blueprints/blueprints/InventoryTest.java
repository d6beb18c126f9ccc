package dev.blueprints.blueprints;

import dev.blueprints.app.Blueprints;
import static org.junit.jupiter.api.Assertions.fail;

import dev.blueprints.testing.AppSynth;
import dev.blueprints.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The resource types each stack of each blueprint synthesizes, with their counts, compared with the
 * committed {@code inventory.txt}: a resource that appears or disappears shows up in review as a one-line
 * diff. After an intended change, regenerate it as {@link Golden#howToUpdate} says.
 */
class InventoryTest {
  static final Path INVENTORY = Path.of("src", "test", "resources", "inventory.txt");

  @Test
  void everyStackSynthesizesTheCommittedInventory() throws IOException {
    AppSynth app = AppSynth.of(Blueprints.ids(), List.of("dev", "prod"));
    TreeSet<String> actual = new TreeSet<>();
    app.stacks().forEach((stack, json) -> json.inventory().forEach((type, count) -> actual.add(stack + " " + type + " " + count)));
    if (Golden.updating()) {
      Files.writeString(INVENTORY, "# stack resource-type count; see InventoryTest\n" + String.join("\n", actual) + "\n");
      return;
    }
    TreeSet<String> expected = new TreeSet<>();
    for (String line : Files.readAllLines(INVENTORY)) if (!line.isBlank() && !line.startsWith("#")) expected.add(line.trim());
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(actual);
    List<String> extra = new ArrayList<>(actual);
    extra.removeAll(expected);
    if (!missing.isEmpty() || !extra.isEmpty()) {
      fail("the synthesized inventory changed\n  expected but not synthesized:\n    " + String.join("\n    ", missing)
          + "\n  synthesized but not expected:\n    " + String.join("\n    ", extra)
          + "\nIf intended, regenerate " + INVENTORY + " with " + Golden.howToUpdate("main", "InventoryTest"));
    }
  }
}
