package dev.blueprints.blueprints;

import dev.blueprints.core.Validate;
import dev.blueprints.edge.PublicDomainProps;
import dev.blueprints.settings.SettingsNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A blueprint's public name from settings ({@code blueprints.<id>.domain}): a Route 53 public hosted zone by
 * id or by name, and the record name clients use. Blueprints with a second public endpoint name it in a
 * further field (fargate-web: {@code backendRecordName}).
 * <pre>
 *   "domain": { "hostedZoneName": "example.com", "recordName": "shop.example.com" }
 *   "domain": { "hostedZoneId": "Z0123456789ABCDEFGHIJ", "recordName": "shop.example.com" }
 * </pre>
 *
 * @param field          settings path, for messages
 * @param hostedZoneId   zone id, or null
 * @param hostedZoneName zone name, or null
 * @param records        record names by field ({@code recordName} first)
 */
public record DomainSettings(String field, String hostedZoneId, String hostedZoneName, Map<String, String> records) {
  public static final String RECORD_NAME = "recordName";

  public DomainSettings {
    records = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(records));
    var seen = new java.util.HashMap<String, String>();
    for (var e : records.entrySet()) {
      PublicDomainProps checked;
      try {
        checked = inZone(hostedZoneId, hostedZoneName, e.getValue()).build();
      } catch (IllegalArgumentException bad) {
        // Name the settings path: "blueprints.x.domain.recordName = ..." rather than the props field.
        String message = bad.getMessage();
        String prop = message.substring(0, message.indexOf(' '));
        String setting = prop.equals("recordName") ? e.getKey() : prop;
        throw new IllegalArgumentException(field + "." + setting + message.substring(prop.length()), bad);
      }
      String name = checked.recordName();
      String other = seen.put(name, e.getKey());
      if (other != null) {
        throw Validate.invalid(field + "." + e.getKey(), e.getValue(), "a name of its own: " + field + "." + other + " already uses it");
      }
    }
  }

  /** Reads {@code domain} of a blueprint's options, or null when absent; {@code extraRecords} are further required names. */
  public static DomainSettings read(SettingsNode options, String blueprint, String... extraRecords) {
    if (!options.has("domain")) return null;
    String field = "blueprints." + blueprint + ".domain";
    List<String> allowed = new java.util.ArrayList<>(List.of("hostedZoneId", "hostedZoneName", RECORD_NAME));
    allowed.addAll(List.of(extraRecords));
    SettingsNode node = options.object("domain").allowOnly(allowed.toArray(String[]::new));
    Map<String, String> records = new LinkedHashMap<>();
    for (String name : allowed.subList(2, allowed.size())) {
      String value = node.string(name, null);
      if (value == null) throw Validate.invalid(field + "." + name, null, "the DNS name clients use, e.g. shop.example.com");
      records.put(name, value);
    }
    return new DomainSettings(field, node.string("hostedZoneId", null), node.string("hostedZoneName", null), records);
  }

  /** The props of one record ({@link #RECORD_NAME} or an extra field), with an existing certificate or null. */
  public PublicDomainProps props(String record, String certificateArn) {
    String name = records.get(record);
    if (name == null) throw Validate.invalid(field, record, "one of " + records.keySet());
    return inZone(hostedZoneId, hostedZoneName, name).certificateArn(certificateArn).build();
  }

  private static PublicDomainProps.Builder inZone(String hostedZoneId, String hostedZoneName, String recordName) {
    return PublicDomainProps.builder(recordName).hostedZoneId(hostedZoneId).hostedZoneName(hostedZoneName);
  }

  /** The record name of {@link #RECORD_NAME} or an extra field, as written to DNS (lowercase, no final dot). */
  public String recordName(String record) {
    return props(record, null).recordName();
  }
}
