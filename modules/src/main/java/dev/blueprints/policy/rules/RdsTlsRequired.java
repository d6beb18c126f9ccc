package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL, MySQL and MariaDB instances refuse connections without TLS. */
public final class RdsTlsRequired extends Rule {
  private static final Pattern MAJOR = Pattern.compile("^[a-z-]*?(\\d+)");

  public RdsTlsRequired() {
    super("BP-RDS-012", Severity.ERROR, List.of("aws_db_instance"),
        "PostgreSQL, MySQL and MariaDB instances require TLS through their parameter group: rds.force_ssl = 1"
            + " (PostgreSQL; the default from version 15) or require_secure_transport = ON (MySQL, MariaDB).",
        "Give the instance an aws_db_parameter_group with rds.force_ssl = 1 or require_secure_transport = ON"
            + " (dev.blueprints.data.Database does).",
        List.of("CKV2_AWS_69"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    String engine = r.text("engine");
    if (engine == null || ResourceView.expression(engine)) return ok();
    engine = engine.toLowerCase(Locale.ROOT);
    boolean postgres = engine.equals("postgres");
    if (!postgres && !engine.equals("mysql") && !engine.equals("mariadb")) return ok();
    String parameter = postgres ? "rds.force_ssl" : "require_secure_transport";
    String groupName = r.text("parameter_group_name");
    ResourceView group = null;
    for (ResourceView candidate : stack.resources("aws_db_parameter_group")) {
      if (r.refersTo("parameter_group_name", candidate) || (groupName != null && groupName.equals(candidate.text("name")))) {
        group = candidate;
      }
    }
    if (group == null && groupName != null && !groupName.startsWith("default.")) return ok(); // defined elsewhere: not judged
    String value = null;
    if (group != null) {
      for (JsonNode p : group.blocks("parameter")) {
        if (parameter.equals(p.path("name").asText())) value = p.path("value").asText();
      }
    }
    String where = group == null ? "the default parameter group" : "parameter group " + group.address();
    if (value != null && ResourceView.expression(value)) return ok();
    if (value != null) {
      boolean on = value.equals("1") || value.equalsIgnoreCase("ON") || value.equalsIgnoreCase("true");
      return require(on, parameter + " is " + value + " in " + where + ": clients may connect without TLS");
    }
    if (postgres) {
      Integer major = major(group != null ? group.text("family") : r.text("engine_version"));
      if (major == null || major >= 15) return ok(); // absent version: AWS picks a current one (15 or newer)
    }
    return fail(parameter + " is not set in " + where + (postgres ? " and the engine version defaults it to 0" : " (default OFF)")
        + ": clients may connect without TLS");
  }

  private static Integer major(String version) {
    if (version == null) return null;
    Matcher m = MAJOR.matcher(version);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }
}
