package dev.blueprints.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKey;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.core.LogRetention;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LogGroupTest {
  @Test
  void retentionAndNameAreWrittenAndNoKeyByDefault() {
    BlueprintStack stack = Fixtures.stack("logs");
    LogGroup group = new LogGroup(stack, "Logs", LogGroupProps.of("/acme/dev/backend", 30));
    Synthesized json = Synthesized.of(stack);
    JsonNode resource = json.only("aws_cloudwatch_log_group");
    assertEquals("/acme/dev/backend", resource.path("name").asText());
    assertEquals(30, resource.path("retention_in_days").asInt());
    assertTrue(resource.path("kms_key_id").isMissingNode());
    assertTrue(group.arn().contains("TOKEN"), "arn is a reference, not a copied string");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 90, 365, 3653})
  void everyCloudWatchRetentionIsAccepted(int days) {
    BlueprintStack stack = Fixtures.stack("logs");
    new LogGroup(stack, "Logs", LogGroupProps.of("/acme/dev/app", days));
    assertEquals(days, Synthesized.of(stack).only("aws_cloudwatch_log_group").path("retention_in_days").asInt());
  }

  @Test
  void kmsKeyIsReferenced() {
    BlueprintStack stack = Fixtures.stack("logs");
    KmsKey key = KmsKey.Builder.create(stack, "Key").description("logs").build();
    new LogGroup(stack, "Logs", LogGroupProps.of("/acme/dev/app", 90).withKmsKeyArn(key.getArn()));
    Synthesized json = Synthesized.of(stack);
    assertEquals(json.ref("aws_kms_key", json.only("aws_kms_key"), "arn"),
        json.only("aws_cloudwatch_log_group").path("kms_key_id").asText());
  }

  @Test
  void retentionOutsideCloudWatchsListIsRefusedWithTheList() {
    var e = assertThrows(IllegalArgumentException.class, () -> LogGroupProps.of("/acme/dev/app", 31));
    assertEquals("retentionDays = 31 is invalid: CloudWatch accepts " + LogRetention.ALLOWED_DAYS + " days", e.getMessage());
    assertTrue(e.getMessage().contains("[1, 3, 5, 7, 14, 30, 60, 90,"));
  }

  @Test
  void badNamesAreRefused() {
    assertEquals("name = \"\" is invalid: a non-empty value is required",
        assertThrows(IllegalArgumentException.class, () -> LogGroupProps.of("", 30)).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> LogGroupProps.of("/app logs", 30)).getMessage()
        .startsWith("name = \"/app logs\" is invalid: 1-512 characters"));
  }
}
