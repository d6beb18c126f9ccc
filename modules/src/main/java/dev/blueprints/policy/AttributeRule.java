package dev.blueprints.policy;

import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * A rule that asks one thing of every resource of its types: a switch turned on, a setting left at its safe value, a
 * number at or above a minimum, a companion resource that refers to it. A subclass states its metadata and its
 * {@link Expectation}, built with the factories below and narrowed with {@link Expectation#when} when only some
 * resources are judged.
 */
public abstract class AttributeRule extends Rule {
  private final Expectation expectation;

  protected AttributeRule(String id, Severity severity, List<String> resourceTypes, Expectation expectation,
      String description, String fix, List<String> publicIds) {
    super(id, severity, resourceTypes, description, fix, publicIds);
    this.expectation = Objects.requireNonNull(expectation, "expectation");
  }

  @Override
  public final List<String> check(ResourceView resource, StackView stack) {
    if (!expectation.scope().test(resource, stack) || expectation.holds().test(resource, stack)) return ok();
    return fail(expectation.problem().apply(resource));
  }

  /**
   * What a compliant resource holds, and the problem reported when it does not.
   *
   * @param holds   true when the resource (in its stack) complies
   * @param problem the message for a resource that does not
   * @param scope   true for the resources the rule judges at all (in their stack)
   */
  public record Expectation(BiPredicate<ResourceView, StackView> holds, Function<ResourceView, String> problem,
      BiPredicate<ResourceView, StackView> scope) {
    public Expectation {
      Objects.requireNonNull(holds, "holds");
      Objects.requireNonNull(problem, "problem");
      Objects.requireNonNull(scope, "scope");
    }

    /** An expectation of every resource of the rule's types. */
    public Expectation(BiPredicate<ResourceView, StackView> holds, Function<ResourceView, String> problem) {
      this(holds, problem, (r, stack) -> true);
    }

    /** This expectation, judged only on the resources {@code scope} accepts. */
    public Expectation when(BiPredicate<ResourceView, StackView> scope) {
      return new Expectation(holds, problem, scope);
    }
  }

  // Each factory below reports "<attribute> is <value><detail>"; detail says what the value means or what the
  // default is ("" for nothing more).

  /** {@code attribute} is on: true or an expression; absent counts as off. */
  protected static Expectation enabled(String attribute, String detail) {
    return new Expectation((r, stack) -> r.on(attribute, false), r -> attribute + " is " + r.show(attribute) + detail);
  }

  /** {@code attribute} is not literally true. */
  protected static Expectation notTrue(String attribute, String detail) {
    return new Expectation((r, stack) -> !r.isTrue(attribute), r -> attribute + " is true" + detail);
  }

  /** {@code attribute} is not literally false (its default is true). */
  protected static Expectation notFalse(String attribute, String detail) {
    return new Expectation((r, stack) -> !r.isFalse(attribute), r -> attribute + " is false" + detail);
  }

  /** {@code attribute} is one of {@code allowed}, or an expression. */
  protected static Expectation oneOf(String attribute, List<String> allowed, String detail) {
    return new Expectation((r, stack) -> {
      String value = r.text(attribute);
      return value != null && (allowed.contains(value) || ResourceView.expression(value));
    }, r -> attribute + " is " + r.show(attribute) + detail);
  }

  /** {@code attribute} is a number of at least {@code minimum}, or an expression. */
  protected static Expectation atLeast(String attribute, int minimum, String detail) {
    return new Expectation((r, stack) -> {
      Integer value = r.integer(attribute);
      return r.isExpression(attribute) || value != null && value >= minimum;
    }, r -> attribute + " is " + r.show(attribute) + detail);
  }

  /** {@code attribute} is set to a value that is not blank. */
  protected static Expectation present(String attribute, String detail) {
    return new Expectation((r, stack) -> {
      String value = r.text(attribute);
      return value != null && !value.isBlank();
    }, r -> attribute + " is " + r.show(attribute) + detail);
  }

  /** {@code attribute} lists at least one value, or is an expression. */
  protected static Expectation notEmpty(String attribute, String detail) {
    return new Expectation((r, stack) -> !ResourceView.strings(r.at(attribute)).isEmpty() || r.isExpression(attribute),
        r -> attribute + " is " + r.show(attribute) + detail);
  }

  /** Some resource of {@code type} in the stack refers to this one in its {@code attribute}; else {@code problem}. */
  protected static Expectation referencedBy(String type, String attribute, String problem) {
    return new Expectation((r, stack) -> !stack.referencing(type, attribute, r).isEmpty(), r -> problem);
  }
}
