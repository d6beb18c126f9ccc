package dev.blueprints.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsBuilderTest {
  private static final StateSettings STATE = StateSettings.lockfile("shop-tfstate", "eu-west-1", "shop");

  @Test
  void theBuilderMakesTheSameSettingsAsThePositionalConstructor() {
    Settings built = Settings.builder("shop", Environment.dev(), "eu-west-1")
        .availabilityZones(List.of("eu-west-1a", "eu-west-1b")).state(STATE)
        .tags(Map.of("Team", "payments")).alarmEmails(List.of("ops@example.com")).build();
    assertEquals(new Settings("shop", Environment.dev(), "eu-west-1", List.of("eu-west-1a", "eu-west-1b"), STATE,
        Map.of("Team", "payments"), List.of("ops@example.com")), built);
    Settings minimal = Settings.builder("shop", Environment.dev(), "eu-west-1")
        .availabilityZones(List.of("eu-west-1a", "eu-west-1b")).state(STATE).build();
    assertEquals(Map.of(), minimal.tags());
    assertEquals(List.of(), minimal.alarmEmails());
    assertEquals(null, minimal.account());
    AccountSettings account = AccountSettings.of("123456789012");
    assertEquals(account, Settings.builder("shop", Environment.dev(), "eu-west-1")
        .availabilityZones(List.of("eu-west-1a", "eu-west-1b")).state(STATE).account(account).build().account());
  }

  @Test
  void aMissingRequiredValueFailsNamingItsField() {
    assertEquals("state = null is invalid: a value is required", assertThrows(IllegalArgumentException.class,
        () -> Settings.builder("shop", Environment.dev(), "eu-west-1").availabilityZones(List.of("eu-west-1a", "eu-west-1b")).build()).getMessage());
    assertEquals("availabilityZones = null is invalid: a value is required", assertThrows(IllegalArgumentException.class,
        () -> Settings.builder("shop", Environment.dev(), "eu-west-1").state(STATE).build()).getMessage());
  }
}
