package dev.blueprints.core;

import java.util.function.Supplier;

/**
 * A value computed on first use and then kept. Wrappers hold their resources' attributes in one: each
 * {@code vpc.getId()} is a round trip to the jsii runtime that returns a new token for the same reference,
 * and an attribute such as a VPC id or a topic ARN is read by dozens of constructs. Not thread-safe, like
 * the construct tree it serves.
 */
public final class Memo<T> implements Supplier<T> {
  private final Supplier<T> compute;
  private T value;

  private Memo(Supplier<T> compute) {
    this.compute = compute;
  }

  public static <T> Memo<T> of(Supplier<T> compute) {
    return new Memo<>(Validate.notNull("compute", compute));
  }

  @Override
  public T get() {
    if (value == null) value = compute.get();
    return value;
  }
}
