package dev.blueprints.network;

import dev.blueprints.core.BlueprintConstruct;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupConfig;
import dev.blueprints.core.Memo;
import java.util.Map;
import software.constructs.Construct;

/**
 * A security group created empty. Terraform removes the allow-all egress rule AWS adds to every new
 * group, so traffic is denied both ways until {@link #connections()} adds rules, each with a description.
 */
public final class SecurityGroup extends BlueprintConstruct implements Connectable {
  private final com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup group;
  private final Memo<String> groupId;
  private final Connections connections;

  public SecurityGroup(Construct scope, String id, SecurityGroupProps props) {
    super(scope, id);
    group = new com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup(this, "Resource",
        SecurityGroupConfig.builder()
            .name(props.name())
            .description(props.description())
            .vpcId(props.vpcId())
            // Lets a group referenced by another group's rules be deleted without a manual step.
            .revokeRulesOnDelete(true)
            .tags(Map.of("Name", props.name()))
            .build());
    groupId = Memo.of(group::getId);
    connections = new Connections(this);
  }

  public String id() {
    return groupId.get();
  }

  public String arn() {
    return group.getArn();
  }

  public com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup resource() {
    return group;
  }

  @Override
  public Connections connections() {
    return connections;
  }
}
