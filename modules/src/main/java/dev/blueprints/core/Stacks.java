package dev.blueprints.core;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import software.constructs.IConstruct;

/**
 * The construct tree as the Java side knows it. Every question asked of a construct ({@code TerraformStack.of},
 * {@code getNode().getId()}, {@code getNode().getPath()}) is a round trip to the Node.js process, and the
 * constructs of this library ask them of one another all the time while they build. So each of them records
 * where it was created ({@link #place}), right after {@code super(scope, id)}, and the answers for it come
 * from that record; a construct nobody placed (a provider resource, a consumer's own construct) is asked
 * through the bridge once and its stack kept. Keyed by identity, weakly: jsii hands back the same Java
 * object for a construct.
 */
public final class Stacks {
  /** Where a construct was created, and when: stacks compare by the order they were added to the app. */
  private record Placement(IConstruct scope, String id, long order) {}

  private static final Map<IConstruct, Placement> PLACEMENTS = Collections.synchronizedMap(new WeakHashMap<>());
  private static final Map<IConstruct, TerraformStack> STACK_OF = Collections.synchronizedMap(new WeakHashMap<>());
  private static final Map<IConstruct, List<Consumer<TerraformStack>>> STACK_LISTENERS =
      Collections.synchronizedMap(new WeakHashMap<>());
  private static final Map<IConstruct, java.util.Set<String>> CHILD_IDS = Collections.synchronizedMap(new WeakHashMap<>());
  private static long placed;

  private Stacks() {}

  /**
   * Records that {@code construct} was just created as {@code id} in {@code scope}; a stack is announced to
   * the listeners of its app ({@link #whenStackAdded}).
   */
  public static void place(IConstruct construct, IConstruct scope, String id) {
    synchronized (PLACEMENTS) {
      PLACEMENTS.put(construct, new Placement(scope, id, placed++));
    }
    if (construct instanceof TerraformStack stack) {
      List<Consumer<TerraformStack>> listeners = STACK_LISTENERS.get(root(stack));
      if (listeners != null) List.copyOf(listeners).forEach(listener -> listener.accept(stack));
    }
  }

  /**
   * Reserves {@code id} among the children of {@code scope} that the library creates, before the construct is: a
   * second construct with the same id fails here with one message instead of a Node.js stack trace from the jsii
   * runtime. Call it in the {@code super} call: {@code super(scope, Stacks.claim(scope, id))}.
   */
  public static String claim(IConstruct scope, String id) {
    Validate.notNull("scope", scope);
    Validate.notBlank("id", id);
    synchronized (CHILD_IDS) {
      if (!CHILD_IDS.computeIfAbsent(scope, s -> new java.util.HashSet<>()).add(id)) {
        String where = scope instanceof App ? "the app" : String.join("/", path(scope));
        throw new IllegalArgumentException("construct id \"" + id + "\" is used twice in " + where
            + ": the children of one scope need ids of their own");
      }
    }
    return id;
  }

  /** Calls {@code listener} with every stack placed in {@code app} from now on (the policy attaches this way). */
  public static void whenStackAdded(App app, Consumer<TerraformStack> listener) {
    synchronized (STACK_LISTENERS) {
      STACK_LISTENERS.computeIfAbsent(app, a -> new ArrayList<>()).add(listener);
    }
  }

  /** The stack {@code construct} belongs to ({@code TerraformStack.of}). */
  public static TerraformStack of(IConstruct construct) {
    if (construct instanceof TerraformStack stack) return stack;
    TerraformStack known = STACK_OF.get(construct);
    if (known != null) return known;
    Placement placement = PLACEMENTS.get(construct);
    TerraformStack stack = placement != null ? of(placement.scope()) : TerraformStack.of(construct);
    STACK_OF.put(construct, stack);
    return stack;
  }

  /** The construct's id ({@code getNode().getId()}). */
  public static String id(IConstruct construct) {
    Placement placement = PLACEMENTS.get(construct);
    return placement != null ? placement.id() : construct.getNode().getId();
  }

  /** The construct ids from the stack (or the app's first level) down to {@code construct} ({@code getNode().getPath()}). */
  public static List<String> path(IConstruct construct) {
    Placement placement = PLACEMENTS.get(construct);
    // Two bridge calls for a construct nobody placed: cheaper than walking its scopes (four calls per level).
    if (placement == null) return List.of(construct.getNode().getPath().split("/"));
    // The root's id is not part of a path: a stack created in the app has its id as its path.
    if (placement.scope() instanceof App) return List.of(placement.id());
    List<String> ids = new ArrayList<>(path(placement.scope()));
    ids.add(placement.id());
    return List.copyOf(ids);
  }

  /** The root of the construct tree {@code construct} is in: the app ({@code getNode().getRoot()}). */
  public static IConstruct root(IConstruct construct) {
    if (construct instanceof App app) return app;   // an app has no scope
    Placement placement = PLACEMENTS.get(construct);
    if (placement == null) return construct.getNode().getRoot();
    return root(construct instanceof TerraformStack ? placement.scope() : of(construct));
  }

  /**
   * Whether {@code later} was added to the app after {@code earlier}: the order the two stacks appear in
   * the app's children, and so in the manifest.
   */
  public static boolean addedAfter(TerraformStack later, TerraformStack earlier) {
    Placement a = PLACEMENTS.get(later);
    Placement b = PLACEMENTS.get(earlier);
    if (a != null && b != null && a.scope() == b.scope()) return a.order() > b.order();
    IConstruct app = earlier.getNode().getScope();
    List<IConstruct> stacks = app == null ? List.of() : app.getNode().getChildren();
    return stacks.indexOf(later) > stacks.indexOf(earlier);
  }
}
