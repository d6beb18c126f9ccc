package dev.blueprints.app;

import dev.blueprints.core.AccountSettings;
import dev.blueprints.settings.SettingsFile;
import java.util.Map;

/** Checks across environments: each environment in an account of its own unless the settings say otherwise. */
final class Accounts {
  private Accounts() {}

  /**
   * Fails when two environments name the same {@code account.id} and either of them lacks {@code "shared": true},
   * or when only some environments declare an account: the guard would then protect one environment's stacks
   * while another's plan with whatever credentials the shell has.
   */
  static void requireSeparate(Map<String, SettingsFile> byEnvironment) {
    String withAccount = null;
    String withoutAccount = null;
    for (var entry : byEnvironment.entrySet()) {
      if (entry.getValue().settings().account() == null) withoutAccount = entry.getKey();
      else withAccount = entry.getKey();
    }
    if (withAccount != null && withoutAccount != null) {
      throw new IllegalArgumentException(byEnvironment.get(withoutAccount).blueprints().file() + ": account is absent, but environment "
          + withAccount + " declares account " + byEnvironment.get(withAccount).settings().account().id()
          + ": declare account.id for every environment synthesized together, or for none");
    }
    var entries = byEnvironment.entrySet().stream().toList();
    for (int i = 0; i < entries.size(); i++) {
      for (int j = i + 1; j < entries.size(); j++) {
        AccountSettings a = entries.get(i).getValue().settings().account();
        AccountSettings b = entries.get(j).getValue().settings().account();
        if (a == null || b == null || !a.id().equals(b.id())) continue;
        if (!a.shared() || !b.shared()) {
          throw new IllegalArgumentException("account.id = \"" + a.id() + "\" is invalid in both " + entries.get(i).getKey()
              + " and " + entries.get(j).getKey() + ": each environment needs an account of its own; to share one on purpose, set"
              + " \"shared\": true under account in both settings files");
        }
      }
    }
  }
}
