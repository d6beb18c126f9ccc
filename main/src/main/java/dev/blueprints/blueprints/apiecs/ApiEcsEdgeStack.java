package dev.blueprints.blueprints.apiecs;

import dev.blueprints.blueprints.LayerStack;
import dev.blueprints.blueprints.LogQueries;
import dev.blueprints.core.Settings;
import dev.blueprints.edge.LoggingLevel;
import dev.blueprints.edge.PublicDomain;
import dev.blueprints.edge.PublicDomainProps;
import dev.blueprints.edge.RestApi;
import dev.blueprints.edge.RestApiProps;
import dev.blueprints.observability.Alarms;
import java.util.List;
import software.constructs.Construct;

/** The public entry of {@code api-ecs}: a regional REST API with a Cognito authorizer in front of the NLB. */
public final class ApiEcsEdgeStack extends LayerStack {
  final RestApi api;

  public ApiEcsEdgeStack(Construct scope, String id, Settings settings, ApiEcsDataStack data, ApiEcsComputeStack compute,
      List<String> corsOrigins, boolean accountCloudWatchRole, LoggingLevel executionLogging, PublicDomainProps domain) {
    super(scope, id, settings, ApiEcsBlueprint.ID);
    var props = RestApiProps.builder()
        .authorizer(data.userPool)
        .vpcLinkBackend(compute.nlb, ApiEcsComputeStack.PORT)
        .publicPath("health")
        .loggingLevel(executionLogging)
        .accountCloudWatchRole(accountCloudWatchRole);
    if (!corsOrigins.isEmpty()) props.cors(corsOrigins);
    api = new RestApi(this, "Api", props.build());
    if (domain != null) new PublicDomain(this, "ApiDomain", domain).mapRestApi(api);

    // Latency as API Gateway measures it, from the stage's JSON access logs.
    LogQueries.requestLatency(this, List.of(api.accessLogs()), "responseLatency");

    Alarms alarms = new Alarms(this, "Alarms", compute.alarmTopic);
    alarms.recommended("Api", api.metric5xx());
    alarms.recommended("Api", api.metricLatency());
  }
}
