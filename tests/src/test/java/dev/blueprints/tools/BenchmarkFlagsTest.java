package dev.blueprints.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The benchmark measures the synth with the JVM flags of the README's synth command (main/pom.xml's exec:exec). */
class BenchmarkFlagsTest {
  @Test
  void theBenchmarksDefaultJvmFlagsAreTheSynthCommands() throws Exception {
    Path pom = Path.of("..").toAbsolutePath().normalize().resolve("main/pom.xml");
    var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    NodeList executions = document.getElementsByTagName("execution");
    List<String> flags = new ArrayList<>();
    for (int i = 0; i < executions.getLength(); i++) {
      Element execution = (Element) executions.item(i);
      if (!execution.getElementsByTagName("id").item(0).getTextContent().equals("default-cli")) continue;
      NodeList arguments = execution.getElementsByTagName("argument");
      for (int j = 0; j < arguments.getLength(); j++) {
        String argument = arguments.item(j).getTextContent().trim();
        if (argument.equals("-classpath")) break;
        flags.add(argument);
      }
    }
    assertEquals(String.join(" ", flags), Benchmark.DEFAULT_JVM_FLAGS);
  }
}
