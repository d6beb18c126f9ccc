package dev.blueprints.network;

import dev.blueprints.core.Validate;

/**
 * A security group with no rules: nothing in, nothing out, until rules are added by intent.
 *
 * <pre>{@code SecurityGroupProps.builder(network.vpcId(), "shop-dev-web", "web servers").build()}</pre>
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

  /** Every field is required, so they are checked here; the builder is the stable API (the constructor grows with fields). */
  public static Builder builder(String vpcId, String name, String description) {
    return new Builder(new SecurityGroupProps(vpcId, name, description));
  }

  /** Holds the checked props; an optional field added later gets its setter here. */
  public static final class Builder {
    private final SecurityGroupProps props;

    private Builder(SecurityGroupProps props) {
      this.props = props;
    }

    public SecurityGroupProps build() {
      return props;
    }
  }
}
