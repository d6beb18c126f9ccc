package dev.blueprints.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Unit prices by dimension ({@code ec2.instance}, {@code elb.alb} ...), region and, for dimensions with
 * several items, item ({@code t3.micro}). Every price carries its unit, the AWS pricing page it comes from
 * and the date it was recorded. The repository's table is {@value #RESOURCE}.
 */
public final class PriceTable {
  public static final String RESOURCE = "dev/blueprints/cost/prices-aws.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode root;

  /**
   * One unit price.
   *
   * @param dimension  e.g. {@code rds.instance.postgres}
   * @param item       e.g. {@code db.t3.micro}; empty for a dimension with one price per region
   * @param usd        price of one unit
   * @param unit       e.g. {@code instance-hour}, {@code GB-month}
   * @param source     the AWS pricing page
   * @param recorded   when the figure was recorded (ISO date)
   */
  public record Price(String dimension, String item, String region, double usd, String unit, String source, String recorded) {
    /** Hourly units are charged {@code hoursPerMonth} times a month, monthly units once. */
    public boolean hourly() {
      return unit.endsWith("-hour");
    }
  }

  /** A dimension's description and provenance, as listed in the report. */
  public record Source(String dimension, String what, String unit, String source, String recorded) {}

  public PriceTable(JsonNode root) {
    if (!root.path("dimensions").isObject()) throw new IllegalArgumentException("price table has no \"dimensions\" object");
    this.root = root;
  }

  /** The repository's table, from the class path. */
  public static PriceTable aws() {
    try (InputStream in = PriceTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("no price table " + RESOURCE + " on the class path");
      return new PriceTable(JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static PriceTable read(Path file) {
    try {
      return new PriceTable(JSON.readTree(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int hoursPerMonth() {
    return root.path("hoursPerMonth").asInt(730);
  }

  public String currency() {
    return root.path("currency").asText("USD");
  }

  public String note() {
    return root.path("note").asText("");
  }

  /** Regions with at least one price. */
  public List<String> regions() {
    List<String> out = new ArrayList<>();
    root.path("dimensions").forEach(d -> d.path("prices").fieldNames().forEachRemaining(r -> {
      if (!out.contains(r)) out.add(r);
    }));
    return out;
  }

  public boolean knowsRegion(String region) {
    return regions().contains(region);
  }

  public List<Source> sources() {
    List<Source> out = new ArrayList<>();
    root.path("dimensions").fields().forEachRemaining(e -> out.add(new Source(e.getKey(), e.getValue().path("what").asText(),
        e.getValue().path("unit").asText(), e.getValue().path("source").asText(), e.getValue().path("recorded").asText())));
    return out;
  }

  /** The dates prices were recorded, distinct, in order. */
  public List<String> recordedDates() {
    return sources().stream().map(Source::recorded).distinct().sorted().toList();
  }

  /** A dimension with one price per region. */
  public Optional<Price> find(String dimension, String region) {
    return find(dimension, region, "");
  }

  /** A price; {@code item} empty for a dimension with one price per region. */
  public Optional<Price> find(String dimension, String region, String item) {
    JsonNode dim = root.path("dimensions").path(dimension);
    JsonNode value = dim.path("prices").path(region);
    if (!item.isEmpty()) value = value.path(item);
    if (!value.isNumber()) return Optional.empty();
    return Optional.of(new Price(dimension, item, region, value.asDouble(), dim.path("unit").asText(),
        dim.path("source").asText(), dim.path("recorded").asText()));
  }

  /** True when the dimension exists at all (then a missing item or region is a gap in the table). */
  public boolean hasDimension(String dimension) {
    return root.path("dimensions").has(dimension);
  }
}
