package dev.blueprints.policy;

import java.util.List;

/**
 * One rule's verdict on one resource (or on a stack, at address {@code terraform}).
 *
 * @param stack      stack id
 * @param address    Terraform address {@code type.name}
 * @param path       construct path of the resource
 * @param ruleId     rule id, e.g. {@code BP-S3-001}
 * @param severity   the rule's severity
 * @param message    what is wrong
 * @param fix        what to change
 * @param publicIds  matching public rule ids
 * @param suppressed true when a suppression with a reason covers it
 * @param reason     the suppression's reason, or null
 */
public record Finding(String stack, String address, String path, String ruleId, Severity severity, String message,
    String fix, List<String> publicIds, boolean suppressed, String reason) {
  public Finding {
    publicIds = List.copyOf(publicIds);
  }

  /** An unsuppressed error: it fails synth. */
  public boolean blocking() {
    return severity == Severity.ERROR && !suppressed;
  }

  /** One line: {@code ERROR BP-S3-001 stack aws_s3_bucket.x: message}. */
  public String line() {
    return severity + " " + ruleId + " " + stack + " " + address + ": " + message;
  }
}
