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
 * Pins the Terraform addresses of stateful resources. An address comes from the construct path, so a
 * renamed or moved construct makes Terraform destroy the old resource and create a new, empty one.
 * This test turns that into a failing build that explains what happened.
 *
 * <p>After an intended change, regenerate the file with
 * {@code Golden.howToUpdate}
 * and review the diff.
 */
class AddressManifestTest {
  static final Path MANIFEST = Path.of("src", "test", "resources", "stateful-addresses.txt");
  static final List<String> STATEFUL_TYPES = List.of(
      "aws_db_instance", "aws_memorydb_cluster", "aws_s3_bucket", "aws_efs_file_system", "aws_cognito_user_pool",
      "aws_secretsmanager_secret", "aws_dynamodb_table", "aws_ecr_repository", "aws_kms_key");

  @Test
  void statefulResourceAddressesMatchTheCommittedManifest() throws IOException {
    AppSynth app = AppSynth.of(Blueprints.ids(), List.of("dev", "prod"));
    TreeSet<String> actual = new TreeSet<>();
    app.stacks().forEach((stack, json) -> STATEFUL_TYPES.forEach(type ->
        json.resources(type).keySet().forEach(name -> actual.add(stack + " " + type + "." + name))));

    if (Golden.updating()) {
      Files.writeString(MANIFEST, "# stack address — stateful resources; see AddressManifestTest\n" + String.join("\n", actual) + "\n");
      return;
    }
    TreeSet<String> expected = new TreeSet<>();
    for (String line : Files.readAllLines(MANIFEST)) if (!line.isBlank() && !line.startsWith("#")) expected.add(line.trim());

    List<String> gone = new ArrayList<>(expected);
    gone.removeAll(actual);
    List<String> added = new ArrayList<>(actual);
    added.removeAll(expected);
    if (gone.isEmpty() && added.isEmpty()) return;
    fail("The Terraform addresses of stateful resources changed.\n"
        + (gone.isEmpty() ? "" : "  no longer synthesized (terraform would DESTROY these, with their data):\n    " + String.join("\n    ", gone) + "\n")
        + (added.isEmpty() ? "" : "  new addresses (terraform would CREATE these, empty):\n    " + String.join("\n    ", added) + "\n")
        + "If a construct was renamed or moved, keep the old id, or move the state instead of re-creating:\n"
        + "  terraform state mv '<old address>' '<new address>' (or a moved {} block / the construct's moveTo / moveFromId).\n"
        + "If the change is intended (a resource really added or removed), regenerate " + MANIFEST
        + " with " + Golden.howToUpdate("main", "AddressManifestTest"));
  }
}
