package dev.blueprints.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.blueprints.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README stands on its own for a newcomer: the files it names exist in the repository, nothing points
 * outside it, the consumer example it shows is the one in examples/consumer, and the regenerate commands it
 * documents are the ones the golden-file tests print.
 */
class NewcomerReadmeTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Set<String> TOP = Set.of("provider-aws-lazy", "jsii-direct", "main", "modules", "testing", "tests", "tools", "examples", ".ci", ".github",
      ".mvn", "mvnw", "pom.xml", "cdktf.json");
  private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\s]+)`");
  private static final Pattern SCRIPT = Pattern.compile("bash ([\\w./-]+\\.sh)");

  private static String readme() throws IOException {
    return Files.readString(ROOT.resolve("README.md"));
  }

  @Test
  void everyRepositoryPathTheReadmeNamesExists() throws IOException {
    String readme = readme();
    List<String> paths = new ArrayList<>();
    for (Pattern p : List.of(CODE_SPAN, SCRIPT)) {
      Matcher m = p.matcher(readme);
      while (m.find()) {
        String path = m.group(1).replaceAll("[:;,.]+$", "");
        if (path.contains("<") || path.contains("*") || path.contains("cdktf.out") || path.contains("$")) continue;
        if (!path.startsWith("/") && TOP.contains(path.split("/")[0])) paths.add(path);
      }
    }
    assertTrue(paths.size() > 15, "paths checked: " + paths);
    List<String> missing = paths.stream().distinct().filter(path -> !Files.exists(ROOT.resolve(path))).toList();
    if (!missing.isEmpty()) fail("README.md names paths the repository does not have: " + missing);
  }

  @Test
  void nothingPointsOutsideTheRepository() throws IOException {
    String readme = readme();
    for (String outside : List.of("shared/", "../shared", "DESIGN.md", "seed `")) {
      assertFalse(readme.contains(outside), "README.md refers outside the repository: " + outside);
    }
  }

  @Test
  void theConsumerExampleIsTheOneInExamplesConsumer() throws IOException {
    String readme = readme();
    Matcher m = Pattern.compile("<!-- example:consumer:begin -->\n```java\n(.*?)```\n<!-- example:consumer:end -->", Pattern.DOTALL)
        .matcher(readme);
    assertTrue(m.find(), "README.md has the consumer example section");
    assertTrue(excerptParts(m.group(1), ROOT.resolve("examples/consumer/src/main/java/com/example/shop")) >= 3,
        "the excerpt shows several parts of the example");
    String pom = Files.readString(ROOT.resolve("examples/consumer/pom.xml"));
    assertTrue(pom.contains("<maven.compiler.release>17</maven.compiler.release>"), "Maven 3.8 defaults to Java 5 without it");
    assertTrue(pom.contains("<artifactId>blueprints-modules</artifactId>"));
    assertTrue(pom.contains("<argument>com.example.shop.ShopApp</argument>"), "the run command runs the example");
    String ci = Files.readString(ROOT.resolve(".ci/run"));
    assertTrue(ci.contains("./mvnw -B -q -pl modules -am install -DskipTests"), "CI installs the modules as the README says");
    assertTrue(ci.contains("(cd examples/consumer && ../../mvnw -B -q compile exec:exec"), "CI runs the example as the README says");
    assertTrue(ci.contains("(cd examples/consumer && ../../mvnw -B -q test"), "CI runs the example's tests as the README says");
    assertTrue(readme.contains("cd examples/consumer && ../../mvnw -B -q test"));
    assertTrue(readme.contains("./mvnw -B -q -pl modules -am install -DskipTests"));
    assertTrue(readme.contains("cd examples/consumer && ../../mvnw -B -q compile exec:exec"));
  }

  /**
   * Checks the README's excerpt of the example and returns how many parts it has: a line {@code // <File>.java}
   * (optionally {@code : why}) starts the lines of that file, {@code // ...} leaves lines out; each part is in its
   * file line for line (indentation aside), after the part before it.
   */
  static int excerptParts(String excerpt, Path sources) throws IOException {
    Pattern fileLine = Pattern.compile("^// (\\w+\\.java)(?:: .*)?$");
    List<String> lines = new ArrayList<>(excerpt.lines().map(String::strip).toList());
    lines.add("// ..."); // ends the last part
    String text = null;
    int from = 0;
    int parts = 0;
    List<String> part = new ArrayList<>();
    for (String line : lines) {
      Matcher file = fileLine.matcher(line);
      if (!file.matches() && !line.equals("// ...")) {
        part.add(line);
        continue;
      }
      while (!part.isEmpty() && part.get(part.size() - 1).isEmpty()) part.remove(part.size() - 1);
      while (!part.isEmpty() && part.get(0).isEmpty()) part.remove(0);
      if (!part.isEmpty()) {
        assertTrue(text != null, "the excerpt starts with a line // <File>.java");
        String joined = "\n" + String.join("\n", part) + "\n";
        int at = text.indexOf(joined, from);
        assertTrue(at >= 0, "README.md's excerpt is not in its file line for line, after the part before it:" + joined);
        from = at + joined.length() - 1;
        parts++;
        part.clear();
      }
      if (file.matches()) {
        text = "\n" + String.join("\n", Files.readString(sources.resolve(file.group(1))).lines().map(String::strip).toList()) + "\n";
        from = 0;
      }
    }
    return parts;
  }

  @Test
  void theDocumentedRegenerateCommandsAreTheOnesTheTestsPrint() throws IOException {
    String readme = readme();
    for (String[] golden : new String[][] {{"main", "InventoryTest"}, {"main", "AddressManifestTest"}, {"tests", "ReadmeTest"}}) {
      String command = Golden.howToUpdate(golden[0], golden[1]).replace(", then review the diff", "");
      assertTrue(readme.contains("`" + command + "`"), "README.md documents " + command);
    }
  }

  @Test
  void everyCommandOfTheTwoCommandsSectionRunsInCi() throws IOException {
    String ci = Files.readString(ROOT.resolve(".ci/run"));
    for (String command : List.of("BLUEPRINTS_ONLY=three-tier BLUEPRINTS_ENVS=dev ./mvnw -B -q -pl main -am compile exec:exec",
        "./mvnw -B -q -pl main -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt",
        "java -cp \"main/target/classes:$(cat main/target/classpath.txt)\" dev.blueprints.app.Main --blueprint three-tier --env dev")) {
      assertTrue(readme().contains(command + "\n"), "README.md: " + command);
      assertTrue(ci.contains(command + "\n"), ".ci/run: " + command);
    }
  }
}
