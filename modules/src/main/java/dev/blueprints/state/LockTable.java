package dev.blueprints.state;

import dev.blueprints.core.BlueprintConstruct;
import dev.blueprints.core.LockMode;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTable;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableAttribute;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTablePointInTimeRecovery;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableServerSideEncryption;
import java.util.List;
import software.constructs.Construct;

/** The DynamoDB table Terraform's S3 backend locks with ({@code LockID} hash key), for {@link LockMode#DYNAMODB}. */
public final class LockTable extends BlueprintConstruct {
  private final DynamodbTable table;

  public LockTable(Construct scope, String id, String name) {
    super(scope, id);
    table = DynamodbTable.Builder.create(this, "Resource")
        .name(name)
        .billingMode("PAY_PER_REQUEST")
        .hashKey("LockID")
        .attribute(List.of(DynamodbTableAttribute.builder().name("LockID").type("S").build()))
        .pointInTimeRecovery(DynamodbTablePointInTimeRecovery.builder().enabled(true).build())
        .serverSideEncryption(DynamodbTableServerSideEncryption.builder().enabled(true).build())
        .deletionProtectionEnabled(true)
        .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(true).build())
        .build();
  }

  public String name() {
    return table.getName();
  }

  public String arn() {
    return table.getArn();
  }
}
