package dev.blueprints.observability;

import static dev.blueprints.testing.Fixtures.texts;
import static dev.blueprints.testing.Fixtures.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import org.junit.jupiter.api.Test;

class SavedQueriesTest {
  private final BlueprintStack stack = Fixtures.stack("logs");
  private final LogGroup backend = new LogGroup(stack, "Backend", LogGroupProps.of("/ecs/acme-backend/backend", 30));
  private final LogGroup frontend = new LogGroup(stack, "Frontend", LogGroupProps.of("/ecs/acme-frontend/frontend", 30));

  @Test
  void queriesAreSavedInTheFolderOverReferencesToTheLogGroups() {
    new SavedQueries(stack, "Queries", "acme-web-dev", List.of(backend, frontend),
        List.of(LogQuery.errors("Find errors"), LogQuery.requestLatency("API request latency", "duration_ms")));
    Synthesized json = Synthesized.of(stack);
    assertEquals(2, json.count("aws_cloudwatch_query_definition"));
    List<String> groups = List.of(
        json.ref("aws_cloudwatch_log_group", json.only("aws_cloudwatch_log_group", "name", "/ecs/acme-backend/backend"), "name"),
        json.ref("aws_cloudwatch_log_group", json.only("aws_cloudwatch_log_group", "name", "/ecs/acme-frontend/frontend"), "name"));

    JsonNode errors = json.only("aws_cloudwatch_query_definition", "name", "acme-web-dev/Find errors");
    assertEquals(groups, texts(errors.path("log_group_names")));
    assertEquals("fields @timestamp, @logStream, @message\n| filter @message like /(?i)(error|exception|traceback|fatal|panic|critical)/\n"
        + "| sort @timestamp desc\n| limit 200", errors.path("query_string").asText());

    JsonNode latency = json.only("aws_cloudwatch_query_definition", "name", "acme-web-dev/API request latency");
    assertEquals(groups, texts(latency.path("log_group_names")));
    String query = latency.path("query_string").asText();
    assertTrue(query.contains("| filter ispresent(duration_ms)"), query);
    assertTrue(query.contains("pct(duration_ms, 95) as p95_ms"), query);
    assertTrue(query.endsWith("by bin(5m)"), query);
  }

  @Test
  void badInputNamesTheFieldAndWhatIsAllowed() {
    assertTrue(error(() -> new SavedQueries(stack, "Q", "acme", List.of(), List.of(LogQuery.errors("Errors"))))
        .startsWith("logGroups = [] is invalid: at least one log group"));
    assertTrue(error(() -> new SavedQueries(stack, "Q", "acme", List.of(backend), List.of()))
        .startsWith("queries = [] is invalid: at least one query"));
    assertTrue(error(() -> new SavedQueries(stack, "Q", "acme/dev", List.of(backend), List.of(LogQuery.errors("Errors"))))
        .startsWith("folder = \"acme/dev\" is invalid"));
    assertEquals("query.name = \"errors\" is invalid: each name once per folder (ignoring case and punctuation)",
        error(() -> new SavedQueries(stack, "Q", "acme", List.of(backend), List.of(LogQuery.errors("Errors"), LogQuery.errors("errors")))));
    assertTrue(error(() -> LogQuery.requestLatency("Latency", "duration ms")).startsWith("query.durationField = \"duration ms\" is invalid"));
    assertTrue(error(() -> new LogQuery("/etc", "fields @message")).startsWith("query.name = \"/etc\" is invalid"));
    assertTrue(error(() -> new LogQuery("Big", "x".repeat(10_001))).startsWith("query.queryString = \"10001 characters\" is invalid"));
  }
}
