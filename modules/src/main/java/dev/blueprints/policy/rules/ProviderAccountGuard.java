package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * In an environment whose settings declare an AWS account, every AWS provider of every stack lists that account
 * in {@code allowed_account_ids}: otherwise credentials of the wrong account (a prod plan run with dev
 * credentials) would plan the stack's resources into that account.
 */
public final class ProviderAccountGuard extends Rule {
  public ProviderAccountGuard() {
    super("BP-ACCOUNT-001", Severity.ERROR, List.of(),
        "In an environment whose settings declare an AWS account, every AWS provider sets allowed_account_ids to"
            + " that account, so credentials of another account stop the plan.",
        "Build stacks on BlueprintStack, or set allowed_account_ids = [<account.id>] on every aws provider of the stack.",
        List.of());
  }

  @Override
  public List<String> checkStack(StackView stack) {
    Set<String> declared = stack.declaredAccounts();
    if (declared.isEmpty()) return ok();
    List<JsonNode> providers = ResourceView.elements(stack.root().path("provider").path("aws"));
    if (providers.isEmpty()) {
      return require(!usesAws(stack.root()), "no aws provider sets allowed_account_ids, but environment " + stack.environment()
          + " declares account " + String.join(", ", declared) + " and the stack has AWS resources");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode provider : providers) {
      String which = provider.has("alias") ? "aws provider \"" + provider.path("alias").asText() + "\"" : "the aws provider";
      JsonNode allowed = provider.path("allowed_account_ids");
      if (!allowed.isArray() || allowed.isEmpty()) {
        out.add(which + " has no allowed_account_ids; environment " + stack.environment() + " declares account "
            + String.join(", ", declared));
        continue;
      }
      Set<String> listed = new TreeSet<>();
      for (JsonNode id : allowed) listed.add(id.asText());
      if (listed.stream().anyMatch(ResourceView::expression)) continue;   // decided by a variable: not judged
      if (!declared.containsAll(listed)) {
        out.add(which + " allows accounts " + listed + ", but environment " + stack.environment() + " declares "
            + declared);
      }
    }
    return out;
  }

  private static boolean usesAws(JsonNode root) {
    for (String section : List.of("resource", "data")) {
      for (Iterator<String> it = root.path(section).fieldNames(); it.hasNext(); ) {
        if (it.next().startsWith("aws_")) return true;
      }
    }
    return false;
  }
}
