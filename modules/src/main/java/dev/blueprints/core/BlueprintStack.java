package dev.blueprints.core;

import com.hashicorp.cdktf.TerraformStack;
import java.util.Map;
import software.constructs.Construct;

/**
 * The base of every deployable stack: the AWS provider with the deployment's default tags (limited to the
 * environment's account, assuming its role, when the settings declare them), and the
 * encrypted, locked S3 backend with a state key of its own ({@code <keyPrefix>/<stack id>.tfstate}).
 * Values another stack of the same app reads from this one travel as CDKTF cross-stack references,
 * which read this stack's remote state. The stack carries its {@link StackContext}, so the library's
 * constructs built in it know their settings and naming.
 */
public class BlueprintStack extends TerraformStack {
  private final StackContext context;

  /** A stack whose physical names are {@code <project>-<env>-<component>}. */
  public BlueprintStack(Construct scope, String id, Settings settings) {
    this(scope, id, settings, Validate.notNull("settings", settings).naming(), Map.of());
  }

  /**
   * A stack with its own naming rule and tags of its own (an application adds its name to both).
   *
   * @param naming    physical names of the stack's resources
   * @param extraTags tags on every resource of this stack, after {@code Project} and {@code Environment}
   */
  protected BlueprintStack(Construct scope, String id, Settings settings, Naming naming, Map<String, String> extraTags) {
    super(scope, Stacks.claim(scope, id));
    Validate.notNull("settings", settings);
    Map<String, String> tags = settings.tagsFor(id, extraTags);
    this.context = StackContext.attach(this, settings, naming, tags);
    Stacks.place(this, scope, id);
    Providers.aws(this, settings.region(), tags, settings.account());
    RemoteState.attach(this, settings.state(), id);
  }

  public Settings settings() {
    return context.settings();
  }

  public Environment environment() {
    return context.environment();
  }

  /** The AWS region of every resource of this stack ({@link Settings#region()}). */
  public String region() {
    return context.region();
  }

  /** Physical names of this stack's resources. */
  public Naming naming() {
    return context.naming();
  }

  public StackContext context() {
    return context;
  }
}
