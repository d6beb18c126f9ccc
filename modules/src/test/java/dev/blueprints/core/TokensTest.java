package dev.blueprints.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import dev.blueprints.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Tokens#isUnresolved} answers as CDKTF's {@code Token.isUnresolved} does, without the round trip. */
class TokensTest {
  @Test
  void answersAsCdktfDoesForReferencesExpressionsListsAndPlainText() {
    BlueprintStack stack = Fixtures.stack(Fixtures.app(), "test-dev-data", Fixtures.dev());
    S3Bucket bucket = S3Bucket.Builder.create(stack, "Raw").bucket("acme-raw").build();
    String arn = bucket.getArn();
    List<String> values = new ArrayList<>(List.of(
        arn, "arn:" + arn + "/*", bucket.getId() + "-" + bucket.getBucket(),
        Fn.join(",", List.of(arn, "x")), Token.asString(Fn.lookup(bucket.getTagsAll(), "Name", "")),
        Token.asList(bucket.getTagsAll()).get(0),              // a list token, "#{TfToken[...]}": not a string token
        "acme-raw", "", "${var.region}", "${TfToken[]}", "${TfToken[TOKEN.1", "$ {TfToken[TOKEN.1]}",
        "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2"));
    for (String value : values) {
      assertEquals(Token.isUnresolved(value), Tokens.isUnresolved(value), value);
    }
    assertTrue(Tokens.isUnresolved(arn), "a reference is unresolved");
    assertFalse(Tokens.isUnresolved("acme-raw"));
    assertFalse(Tokens.isUnresolved(null));
  }
}
