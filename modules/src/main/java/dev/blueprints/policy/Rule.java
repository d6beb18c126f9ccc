package dev.blueprints.policy;

import java.util.List;
import java.util.Objects;

/**
 * One policy rule. A rule reads the synthesized Terraform JSON of a stack, never Java construct
 * objects, so it sees exactly what Terraform will apply (including JSON-string attributes and
 * references between resources) and works on any CDKTF stack.
 *
 * <p>Subclasses pass their metadata to the constructor and override {@link #check} (per resource of
 * {@link #resourceTypes()}) or {@link #checkStack} (once per stack). Each returns one message per
 * problem, saying what is wrong; an empty list means the resource complies.
 *
 * <p>Attributes that are unresolved expressions ({@code ${var.x}}, a value from another stack) are
 * not judged: a rule fails only what the configuration states or what an absent attribute defaults to.
 */
public abstract class Rule {
  private final String id;
  private final Severity severity;
  private final List<String> resourceTypes;
  private final String description;
  private final String fix;
  private final List<String> publicIds;

  protected Rule(String id, Severity severity, List<String> resourceTypes, String description, String fix,
      List<String> publicIds) {
    this.id = Objects.requireNonNull(id, "id");
    this.severity = Objects.requireNonNull(severity, "severity");
    this.resourceTypes = List.copyOf(resourceTypes);
    this.description = Objects.requireNonNull(description, "description");
    this.fix = Objects.requireNonNull(fix, "fix");
    this.publicIds = List.copyOf(publicIds);
  }

  /** Stable id such as {@code BP-S3-001}; suppressions name it. */
  public final String id() {
    return id;
  }

  public final Severity severity() {
    return severity;
  }

  /** Terraform resource types the rule inspects (empty for stack-level rules). */
  public final List<String> resourceTypes() {
    return resourceTypes;
  }

  /** What the rule checks, as a sentence that holds when the resource complies. */
  public final String description() {
    return description;
  }

  /** What to change to comply. */
  public final String fix() {
    return fix;
  }

  /** Matching ids in public rule sets: Checkov {@code CKV_AWS_n}, Trivy {@code AVD-AWS-nnnn}, cdk-nag. */
  public final List<String> publicIds() {
    return publicIds;
  }

  /** Problems of one resource of a type in {@link #resourceTypes()}; empty when it complies. */
  public List<String> check(ResourceView resource, StackView stack) {
    return List.of();
  }

  /** Problems of the stack as a whole (backend, providers); reported at address {@code terraform}. */
  public List<String> checkStack(StackView stack) {
    return List.of();
  }

  /** One problem found across stacks: the resource it is reported on, in its stack. */
  public record AppProblem(StackView stack, ResourceView resource, String message) {}

  /**
   * Problems only visible across the stacks of one app (names two stacks claim); empty by default. Runs once per
   * check, over every stack checked together.
   */
  public List<AppProblem> checkApp(List<StackView> stacks) {
    return List.of();
  }

  protected static List<String> ok() {
    return List.of();
  }

  protected static List<String> fail(String message) {
    return List.of(message);
  }

  /** {@code fail(message)} unless {@code compliant}. */
  protected static List<String> require(boolean compliant, String message) {
    return compliant ? List.of() : List.of(message);
  }

  @Override
  public String toString() {
    return id;
  }
}
