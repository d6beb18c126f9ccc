package dev.blueprints.core;

import com.hashicorp.cdktf.TerraformStack;
import software.constructs.Construct;

/**
 * The base of every construct of the library. It records where the construct was created (so questions
 * about its stack, id and path are answered on the Java side, see {@link Stacks}) and answers what the
 * construct needs from its stack: settings, environment and naming ({@link StackContext}).
 */
public abstract class BlueprintConstruct extends Construct {
  protected BlueprintConstruct(Construct scope, String id) {
    super(scope, Stacks.claim(scope, id));
    Stacks.place(this, scope, id);
  }

  /** The stack this construct is in. */
  public final TerraformStack stack() {
    return Stacks.of(this);
  }

  /** Settings, environment and naming of this construct's stack. */
  protected final StackContext context() {
    return StackContext.of(this);
  }

  /** Physical names of this construct's resources. */
  protected final Naming naming() {
    return context().naming();
  }

  protected final Environment environment() {
    return context().environment();
  }

  protected final String region() {
    return context().region();
  }
}
