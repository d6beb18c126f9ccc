package dev.blueprints.observability;

import dev.blueprints.core.Validate;

/**
 * A markdown text widget, e.g. a heading or a runbook link.
 *
 * @param markdown the text
 * @param width    columns, 1..24. Default: 24
 * @param height   rows, 1..1000. Default: 2
 */
public record TextWidget(String markdown, int width, int height) implements Widget {
  public TextWidget {
    Validate.notBlank("markdown", markdown);
    Validate.range("width", width, 1, 24);
    Validate.range("height", height, 1, 1000);
  }

  public static TextWidget of(String markdown) {
    return new TextWidget(markdown, 24, 2);
  }
}
