package dev.blueprints.network;

import dev.blueprints.core.Validate;

/**
 * A security group with no rules: nothing in, nothing out, until rules are added by intent.
 *
 * @param vpcId       the VPC (a reference, possibly from another stack)
 * @param name        group name (from the naming helper)
 * @param description what the group protects (shown in the console; changing it replaces the group)
 */
public record SecurityGroupProps(String vpcId, String name, String description) {
  public SecurityGroupProps {
    Validate.notBlank("vpcId", vpcId);
    Validate.notBlank("name", name);
    Validate.notBlank("description", description);
    if (name.length() > 255 || name.startsWith("sg-")) throw Validate.invalid("name", name, "at most 255 characters, not starting with sg-");
  }
}
