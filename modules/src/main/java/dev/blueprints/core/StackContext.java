package dev.blueprints.core;

import com.hashicorp.cdktf.TerraformStack;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import software.constructs.IConstruct;

/**
 * What the constructs of a stack need to know about where it deploys: the settings (region, environment,
 * state, tags) and the naming rule of its physical names. {@link BlueprintStack} registers its own; any other
 * {@code TerraformStack} can carry one too ({@link #attach}), so the library's constructs work in it.
 *
 * @param settings the deployment settings of the stack
 * @param naming   physical names of the stack's resources
 * @param tags     the default tags of the stack's provider (resources that copy tags, such as an Auto Scaling
 *                 group's instances, use them)
 */
public record StackContext(Settings settings, Naming naming, Map<String, String> tags) {
  private static final Map<TerraformStack, StackContext> CONTEXTS = Collections.synchronizedMap(new WeakHashMap<>());

  public StackContext {
    Validate.notNull("settings", settings);
    Validate.notNull("naming", naming);
    tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(Validate.notNull("tags", tags)));
  }

  /** Lets the library's constructs live in {@code stack}, named {@code <project>-<env>-<component>}. */
  public static StackContext attach(TerraformStack stack, Settings settings) {
    return attach(stack, settings, settings.naming(), settings.tagsFor(Stacks.id(stack), Map.of()));
  }

  /** Lets the library's constructs live in {@code stack}, with its own naming rule. */
  public static StackContext attach(TerraformStack stack, Settings settings, Naming naming, Map<String, String> tags) {
    StackContext context = new StackContext(settings, naming, tags);
    CONTEXTS.put(Validate.notNull("stack", stack), context);
    return context;
  }

  /** The context {@code stack} carries, or null when it carries none. */
  public static StackContext find(TerraformStack stack) {
    return CONTEXTS.get(stack);
  }

  /** The context of the stack {@code construct} is in. */
  public static StackContext of(IConstruct construct) {
    TerraformStack stack = Stacks.of(construct);
    StackContext context = CONTEXTS.get(stack);
    if (context == null) {
      throw new IllegalArgumentException(String.join("/", Stacks.path(construct)) + " is in stack " + Stacks.id(stack)
          + ", which carries no settings: build it in a BlueprintStack, or call StackContext.attach(stack, settings) first");
    }
    return context;
  }

  public Environment environment() {
    return settings.environment();
  }

  public String region() {
    return settings.region();
  }
}
