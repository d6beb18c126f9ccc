package dev.blueprints.network;

import com.hashicorp.cdktf.providers.aws.data_aws_security_group.DataAwsSecurityGroup;
import dev.blueprints.core.Validate;
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
  /** The looked-up group of {@link #fromId}; null for a group built here. */
  private final DataAwsSecurityGroup existing;
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
    existing = null;
    connections = new Connections(this);
  }

  /**
   * An existing security group by id, read with the {@code aws_security_group} data source and never
   * changed except for the rules connections add to it.
   */
  public static SecurityGroup fromId(Construct scope, String id, String groupId) {
    Validate.notBlank("securityGroupId", groupId);
    if (!groupId.contains("${") && !groupId.contains("TOKEN")) {
      Validate.matches("securityGroupId", groupId, java.util.regex.Pattern.compile("^sg-([0-9a-f]{8}|[0-9a-f]{17})$"),
          "a security group id such as sg-0a1b2c3d4e5f60718");
    }
    return new SecurityGroup(scope, id, groupId);
  }

  private SecurityGroup(Construct scope, String id, String existingId) {
    super(scope, id);
    existing = DataAwsSecurityGroup.Builder.create(this, "Existing").id(existingId).build();
    group = null;
    groupId = Memo.of(() -> existingId);
    connections = new Connections(this);
  }

  public String id() {
    return groupId.get();
  }

  public String arn() {
    return existing != null ? existing.getArn() : group.getArn();
  }

  public com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup resource() {
    return group;
  }

  @Override
  public Connections connections() {
    return connections;
  }
}
