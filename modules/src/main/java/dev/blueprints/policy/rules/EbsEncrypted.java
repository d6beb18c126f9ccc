package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** Every EBS volume is encrypted. */
public final class EbsEncrypted extends Rule {
  public EbsEncrypted() {
    super("BP-EC2-002", Severity.ERROR, List.of("aws_launch_template", "aws_instance", "aws_ebs_volume"),
        "EBS volumes are encrypted: launch templates declare every block device (root included) with encrypted = true.",
        "Declare block_device_mappings { device_name = <root device>, ebs { encrypted = true, volume_type = \"gp3\" } }"
            + " (aws_instance: root_block_device { encrypted = true }).",
        List.of("CKV_AWS_3", "CKV_AWS_8", "AVD-AWS-0026", "AVD-AWS-0131", "AwsSolutions-EC26"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    List<String> out = new ArrayList<>();
    switch (r.type()) {
      case "aws_ebs_volume" -> {
        if (!r.on("encrypted", false)) out.add("encrypted is " + r.show("encrypted"));
      }
      case "aws_instance" -> {
        if (!r.on("root_block_device.encrypted", false)) out.add("root_block_device.encrypted is " + r.show("root_block_device.encrypted"));
        for (JsonNode device : r.blocks("ebs_block_device")) {
          if (!new ResourceView(r.type(), r.name(), device).on("encrypted", false)) out.add("ebs_block_device " + device.path("device_name").asText() + " is not encrypted");
        }
      }
      default -> {
        List<JsonNode> devices = r.blocks("block_device_mappings");
        if (devices.isEmpty()) out.add("no block_device_mappings: the root volume follows the AMI and may be unencrypted");
        for (JsonNode device : devices) {
          ResourceView d = new ResourceView(r.type(), r.name(), device);
          if (d.has("ebs") && !d.on("ebs.encrypted", false)) out.add("block device " + d.text("device_name") + " has ebs.encrypted " + d.show("ebs.encrypted"));
        }
      }
    }
    return out;
  }
}
