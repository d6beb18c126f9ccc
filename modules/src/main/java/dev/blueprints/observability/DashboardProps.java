package dev.blueprints.observability;

import dev.blueprints.core.Validate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A CloudWatch dashboard.
 *
 * @param name    dashboard name; unset (null): the naming helper's {@code <project>-<blueprint>-<env>-dashboard}
 *                (give a name when one stack has two dashboards)
 * @param widgets the widgets in reading order (at least one)
 */
public record DashboardProps(String name, List<Widget> widgets) {
  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_-]{1,255}$");

  public DashboardProps {
    if (name != null) Validate.matches("name", name, NAME, "1-255 letters, digits, hyphens and underscores");
    widgets = List.copyOf(Validate.notNull("widgets", widgets));
    if (widgets.isEmpty()) throw Validate.invalid("widgets", widgets, "a dashboard needs at least one widget");
  }

  /** A builder with every default; the name defaults too (see {@code name}). */
  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder {
    private String name;
    private final List<Widget> widgets = new ArrayList<>();

    private Builder() {}

    /** The physical name instead of the default one from the stack's naming. */
    public Builder name(String value) { this.name = Validate.notBlank("name", value); return this; }

    public Builder widget(Widget value) { widgets.add(Validate.notNull("widget", value)); return this; }
    /** Adds a group, e.g. {@code Widgets.ecsService(...)}. */
    public Builder widgets(List<? extends Widget> value) { value.forEach(this::widget); return this; }

    public DashboardProps build() {
      return new DashboardProps(name, widgets);
    }
  }
}
