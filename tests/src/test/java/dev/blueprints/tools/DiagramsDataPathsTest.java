package dev.blueprints.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprints.app.Blueprints;
import dev.blueprints.testing.AppSynth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The diagrams of the real app show the backup copy path and which networks carry ACLs. */
class DiagramsDataPathsTest {
  private final List<Diagrams.Diagram> diagrams = Diagrams.read(AppSynth.of(Blueprints.ids(), List.of("dev", "prod")).outdir());

  private Diagrams.Diagram diagram(String name) {
    return diagrams.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void asgWebProdShowsTheDatabaseBackupsCopiedToTheSecondRegion() {
    Diagrams.Diagram prod = diagram("asg-web-prod");
    List<Diagrams.Edge> copies = prod.edges().stream().filter(e -> e.label().equals("backup replication")).toList();
    assertEquals(1, copies.size());
    assertTrue(copies.get(0).from().endsWith("aws_db_instance.Database_B269D8BB"), copies.get(0).from());
    assertTrue(prod.nodes().get(copies.get(0).to()).label().contains("RDS backup copies in us-west-2"));
    assertTrue(diagram("asg-web-dev").edges().stream().noneMatch(e -> e.label().equals("backup replication")), "off in dev");
  }

  @Test
  void vpcsWithNetworkAclsSaySo() {
    for (String name : List.of("asg-web-prod", "ecs-cluster-prod", "three-tier-prod")) {
      boolean acls = !name.startsWith("three-tier");
      boolean labelled = diagram(name).nodes().values().stream().anyMatch(n -> n.label().contains("network ACL per tier"));
      assertEquals(acls, labelled, name);
    }
  }
}
