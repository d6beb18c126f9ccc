package dev.blueprints.core;

import com.hashicorp.cdktf.TerraformStack;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import software.constructs.IConstruct;

/**
 * {@code TerraformStack.of} with a Java-side memory. Every lookup through the jsii bridge is a round trip to
 * the Node.js process; constructs ask for their stack several times while they build, so each construct's
 * answer is kept (weakly, keyed by identity: jsii hands back the same Java object for a construct).
 */
public final class Stacks {
  private static final Map<IConstruct, TerraformStack> STACK_OF = Collections.synchronizedMap(new WeakHashMap<>());

  private Stacks() {}

  public static TerraformStack of(IConstruct construct) {
    if (construct instanceof TerraformStack stack) return stack;
    TerraformStack known = STACK_OF.get(construct);
    if (known != null) return known;
    TerraformStack stack = TerraformStack.of(construct);
    STACK_OF.put(construct, stack);
    return stack;
  }

  /**
   * The construct ids from the stack down to {@code construct}, read from its path in two bridge calls
   * rather than walking its scopes (four calls per level).
   */
  public static List<String> path(IConstruct construct) {
    return List.of(construct.getNode().getPath().split("/"));
  }
}
