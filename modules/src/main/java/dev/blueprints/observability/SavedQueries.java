package dev.blueprints.observability;

import com.hashicorp.cdktf.providers.aws.cloudwatch_query_definition.CloudwatchQueryDefinition;
import dev.blueprints.core.BlueprintConstruct;
import dev.blueprints.core.Validate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import software.constructs.Construct;

/**
 * CloudWatch Logs Insights queries saved in a folder of the console ({@code aws_cloudwatch_query_definition}),
 * each scoped to the given log groups. Build it next to the log groups: the definitions reference the groups'
 * names, so Terraform creates them after the groups and a renamed group updates its queries.
 */
public final class SavedQueries extends BlueprintConstruct {
  private static final Pattern FOLDER = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$");
  private final List<CloudwatchQueryDefinition> definitions = new ArrayList<>();

  /**
   * @param folder    console folder, e.g. the naming helper's {@code <project>-<blueprint>-<env>}
   * @param logGroups the groups every query reads (at least one)
   * @param queries   the queries, unique names (at least one)
   */
  public SavedQueries(Construct scope, String id, String folder, List<LogGroup> logGroups, List<LogQuery> queries) {
    super(scope, validated(id, folder, logGroups, queries));
    List<String> groupNames = logGroups.stream().map(LogGroup::name).toList();
    for (LogQuery query : queries) {
      definitions.add(CloudwatchQueryDefinition.Builder.create(this, id(query.name()))
          .name(folder + "/" + query.name())
          .queryString(query.queryString())
          .logGroupNames(groupNames)
          .build());
    }
  }

  /** Checks the input before the construct joins the tree, so a failure leaves nothing behind. */
  private static String validated(String id, String folder, List<LogGroup> logGroups, List<LogQuery> queries) {
    Validate.matches("folder", folder, FOLDER, "1-100 letters, digits and _ . -, starting with a letter or digit");
    if (logGroups == null || logGroups.isEmpty()) throw Validate.invalid("logGroups", logGroups, "at least one log group");
    if (queries == null || queries.isEmpty()) throw Validate.invalid("queries", queries, "at least one query");
    Set<String> names = new HashSet<>();
    for (LogQuery query : queries) {
      // Names that differ only in case or punctuation would share a construct id.
      if (!names.add(id(query.name()).toLowerCase(Locale.ROOT))) {
        throw Validate.invalid("query.name", query.name(), "each name once per folder (ignoring case and punctuation)");
      }
    }
    return id;
  }

  private static String id(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }

  public List<CloudwatchQueryDefinition> definitions() {
    return List.copyOf(definitions);
  }
}
