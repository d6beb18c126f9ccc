package com.example.shop;

import dev.blueprints.core.Environment;
import dev.blueprints.core.Settings;
import dev.blueprints.core.StateSettings;
import java.util.List;
import java.util.Map;

/**
 * One environment of the shop: the library's settings (region, zones, state, tags, who gets the alarms) and the
 * shop's own values.
 *
 * @param settings   the library's settings of the environment
 * @param recordName the API's public name, in the hosted zone {@link #HOSTED_ZONE_ID}
 * @param imageTag   the API image's tag in the data stack's repository (tags are immutable: one per release)
 */
record ShopEnvironment(Settings settings, String recordName, String imageTag) {
  static final String PROJECT = "shop";
  static final String REGION = "eu-west-1";
  static final StateSettings STATE = StateSettings.lockfile("shop-tfstate-example", REGION, PROJECT);
  static final Map<String, String> TAGS = Map.of("Team", "payments");
  /** The public hosted zone example.com. */
  static final String HOSTED_ZONE_ID = "Z0123456789ABCDEFGHIJ";

  static final List<ShopEnvironment> ALL = List.of(
      new ShopEnvironment(settings(Environment.dev(), "eu-west-1a", "eu-west-1b"), "shop-dev.example.com", "1.4.2"),
      new ShopEnvironment(settings(Environment.prod(), "eu-west-1a", "eu-west-1b", "eu-west-1c"), "shop.example.com", "1.4.2"));

  private static Settings settings(Environment environment, String... zones) {
    return Settings.builder(PROJECT, environment, REGION).availabilityZones(List.of(zones)).state(STATE).tags(TAGS)
        .alarmEmails(List.of("payments-oncall@example.com")).build();
  }

  /** {@code shop-<env>-<layer>}: the stack's id and the name of its state object. */
  String stackId(String layer) {
    return PROJECT + "-" + settings.environment().name() + "-" + layer;
  }

  /** The URL clients call. */
  String url() {
    return "https://" + recordName;
  }
}
