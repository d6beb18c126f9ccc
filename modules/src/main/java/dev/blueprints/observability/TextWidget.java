package dev.blueprints.observability;

import dev.blueprints.core.Validate;

/**
 * A markdown text widget, e.g. a heading or a runbook link.
 *
 * @param markdown the text
 * @param width    columns, 1..24. Default: {@value #DEFAULT_WIDTH}
 * @param height   rows, 1..1000. Default: {@value #DEFAULT_HEIGHT}
 */
public record TextWidget(String markdown, int width, int height) implements Widget {
  /** The dashboard's full width: text heads the row of graphs under it. */
  public static final int DEFAULT_WIDTH = 24;
  /** A heading and a line of text. */
  public static final int DEFAULT_HEIGHT = 2;

  public TextWidget {
    Validate.notBlank("markdown", markdown);
    Validate.range("width", width, 1, 24);
    Validate.range("height", height, 1, 1000);
  }

  public static Builder builder(String markdown) {
    return new Builder(markdown);
  }

  /** A text widget with the default size: {@code builder(markdown).build()}. */
  public static TextWidget of(String markdown) {
    return builder(markdown).build();
  }

  /** Holds the checked widget; each size is checked as it is set. */
  public static final class Builder {
    private TextWidget widget;

    private Builder(String markdown) {
      widget = new TextWidget(markdown, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    public Builder width(int value) { widget = new TextWidget(widget.markdown, value, widget.height); return this; }
    public Builder height(int value) { widget = new TextWidget(widget.markdown, widget.width, value); return this; }

    public TextWidget build() {
      return widget;
    }
  }
}
