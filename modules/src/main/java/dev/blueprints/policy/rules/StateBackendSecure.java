package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** State is remote, encrypted and locked; only the bootstrap stack keeps local state. */
public final class StateBackendSecure extends Rule {
  /** The one stack allowed a local backend: it creates the state bucket. */
  public static final String BOOTSTRAP_STACK = "state-bootstrap";

  public StateBackendSecure() {
    super("BP-STATE-001", Severity.ERROR, List.of(),
        "Stacks keep state in an S3 backend with encrypt = true and locking (use_lockfile or dynamodb_table);"
            + " only the stack \"state-bootstrap\" may use a local backend.",
        "Build stacks on BlueprintStack (RemoteState.attach), or set encrypt = true and use_lockfile = true on the S3 backend.",
        List.of());
  }

  @Override
  public List<String> checkStack(StackView stack) {
    JsonNode terraform = stack.terraform();
    if (terraform.has("cloud")) return ok();
    JsonNode backend = terraform.path("backend");
    if (backend.has("s3")) {
      ResourceView s3 = new ResourceView("backend", "s3", backend.path("s3"));
      List<String> out = new ArrayList<>();
      if (!s3.on("encrypt", false)) out.add("the S3 backend has encrypt = " + s3.show("encrypt"));
      if (!s3.on("use_lockfile", false) && !s3.has("dynamodb_table")) out.add("the S3 backend has no locking (use_lockfile or dynamodb_table)");
      return out;
    }
    if (backend.size() == 0 || backend.has("local")) {
      return require(stack.id().equals(BOOTSTRAP_STACK), "state is local (" + (backend.size() == 0 ? "no backend" : "local backend")
          + "): it is neither shared, encrypted nor locked");
    }
    return ok();
  }
}
