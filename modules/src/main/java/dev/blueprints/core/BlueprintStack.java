package dev.blueprints.core;

import com.hashicorp.cdktf.TerraformStack;
import dev.blueprints.policy.Policy;
import dev.blueprints.state.RemoteState;
import software.constructs.Construct;

/**
 * The base of every deployable stack: the AWS provider with the deployment's default tags, and the
 * encrypted, locked S3 backend with a state key of its own ({@code <keyPrefix>/<stack id>.tfstate}).
 * Values another stack of the same app reads from this one travel as CDKTF cross-stack references,
 * which read this stack's remote state.
 */
public class BlueprintStack extends TerraformStack {
  private final Settings settings;
  private final String blueprint;

  public BlueprintStack(Construct scope, String id, Settings settings, String blueprint) {
    super(scope, id);
    Stacks.place(this, scope, id);
    this.settings = Validate.notNull("settings", settings);
    this.blueprint = Validate.notBlank("blueprint", blueprint);
    Providers.aws(this, settings.region(), settings.tagsFor(blueprint, id));
    RemoteState.attach(this, settings.state(), id);
    // Every synth checks this stack against the policy rule pack (dev.blueprints.policy.RulePack).
    Policy.enable(this);
  }

  public Settings settings() {
    return settings;
  }

  public Environment environment() {
    return settings.environment();
  }

  /**
   * Physical names of this stack's resources: {@code <project>-<blueprint>-<env>-<component>}, so several
   * blueprints (or applications) share one account and region without colliding.
   */
  public Naming naming() {
    return new Naming(settings.project() + "-" + blueprint, settings.environment().name());
  }

  /** The blueprint this stack belongs to (the {@code Blueprint} tag). */
  public String blueprint() {
    return blueprint;
  }

  /** The nearest {@link BlueprintStack} above {@code construct}; fails if it was built in another kind of stack. */
  public static BlueprintStack of(Construct construct) {
    TerraformStack stack = Stacks.of(construct);
    if (stack instanceof BlueprintStack blueprintStack) return blueprintStack;
    throw new IllegalArgumentException(construct.getNode().getPath() + " is not inside a BlueprintStack");
  }
}
