package dev.blueprints.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CidrTest {
  @Test
  void subnetsAreCountedFromTheStartOfTheBlock() {
    Cidr vpc = Cidr.parse("cidr", "10.0.0.0/16");
    assertEquals("10.0.21.0/24", vpc.subnet(24, 21).toString());
    assertEquals("10.0.255.0/24", vpc.subnet(24, 255).toString());
    assertThrows(IllegalArgumentException.class, () -> vpc.subnet(24, 256));
    assertTrue(vpc.contains(vpc.subnet(20, 3)));
    assertFalse(vpc.contains(Cidr.parse("x", "10.1.0.0/24")));
    assertTrue(Cidr.parse("x", "0.0.0.0/0").contains(vpc));
  }

  @Test
  void malformedBlocksAreRejectedWithTheField() {
    assertEquals("cidr = \"10.0.0.0\" is invalid: an IPv4 CIDR block such as 10.0.0.0/16",
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("cidr", "10.0.0.0")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Cidr.parse("cidr", "10.0.300.0/16")).getMessage()
        .contains("each octet must be 0..255"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Cidr.parse("cidr", "10.0.1.0/16")).getMessage()
        .contains("did you mean 10.0.0.0/16?"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Cidr.requireBlock("cidr", "10.0.0.0/8", 16, 24)).getMessage()
        .contains("the prefix length must be /16 to /24"));
  }
}
