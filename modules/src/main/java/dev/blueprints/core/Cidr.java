package dev.blueprints.core;

import java.util.regex.Pattern;

/** An IPv4 CIDR block with the arithmetic the network module needs (no external dependency). */
public record Cidr(long base, int prefix) {
  private static final Pattern SYNTAX = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})$");

  public Cidr {
    if (prefix < 0 || prefix > 32) throw new IllegalArgumentException("prefix must be 0..32, got " + prefix);
    long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    if ((base & ~mask & 0xFFFFFFFFL) != 0) {
      throw new IllegalArgumentException("host bits set in " + format(base) + "/" + prefix);
    }
  }

  /** Parses {@code a.b.c.d/n}; {@code field} names the setting in the error message. */
  public static Cidr parse(String field, String text) {
    var m = text == null ? null : SYNTAX.matcher(text.trim());
    if (m == null || !m.matches()) throw Validate.invalid(field, text, "an IPv4 CIDR block such as 10.0.0.0/16");
    long base = 0;
    for (int i = 1; i <= 4; i++) {
      int octet = Integer.parseInt(m.group(i));
      if (octet > 255) throw Validate.invalid(field, text, "each octet must be 0..255");
      base = (base << 8) | octet;
    }
    int prefix = Integer.parseInt(m.group(5));
    if (prefix > 32) throw Validate.invalid(field, text, "the prefix length must be 0..32");
    long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    if ((base & ~mask & 0xFFFFFFFFL) != 0) {
      throw Validate.invalid(field, text, "the address has host bits set; did you mean " + format(base & mask) + "/" + prefix + "?");
    }
    return new Cidr(base, prefix);
  }

  /** Parses and checks the prefix length lies in {@code [minPrefix, maxPrefix]}. */
  public static Cidr requireBlock(String field, String text, int minPrefix, int maxPrefix) {
    Cidr cidr = parse(field, text);
    if (cidr.prefix < minPrefix || cidr.prefix > maxPrefix) {
      throw Validate.invalid(field, text, "the prefix length must be /" + minPrefix + " to /" + maxPrefix);
    }
    return cidr;
  }

  /** Number of addresses in the block. */
  public long size() {
    return 1L << (32 - prefix);
  }

  /** The {@code index}-th sub-block of length {@code newPrefix}, counted from the start of this block. */
  public Cidr subnet(int newPrefix, int index) {
    if (newPrefix < prefix) throw new IllegalArgumentException("/" + newPrefix + " is larger than " + this);
    long count = 1L << (newPrefix - prefix);
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException(this + " holds " + count + " blocks of /" + newPrefix + ", index " + index + " is outside");
    }
    return new Cidr(base + index * (1L << (32 - newPrefix)), newPrefix);
  }

  public boolean contains(Cidr other) {
    return other.prefix >= prefix && (other.base >>> (32 - prefix)) == (base >>> (32 - prefix)) || prefix == 0;
  }

  public boolean overlaps(Cidr other) {
    return contains(other) || other.contains(this);
  }

  @Override
  public String toString() {
    return format(base) + "/" + prefix;
  }

  private static String format(long address) {
    return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "." + (address & 255);
  }
}
