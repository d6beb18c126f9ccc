package dev.blueprints.compute;

import dev.blueprints.auth.Grant;
import dev.blueprints.auth.Grantable;
import dev.blueprints.core.Memo;

import dev.blueprints.core.BlueprintConstruct;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.providers.aws.ecr_lifecycle_policy.EcrLifecyclePolicy;
import com.hashicorp.cdktf.providers.aws.ecr_repository.EcrRepository;
import com.hashicorp.cdktf.providers.aws.ecr_repository.EcrRepositoryEncryptionConfiguration;
import com.hashicorp.cdktf.providers.aws.ecr_repository.EcrRepositoryImageScanningConfiguration;
import dev.blueprints.auth.PolicyStatement;
import dev.blueprints.auth.Role;
import dev.blueprints.core.Stacks;
import dev.blueprints.core.Validate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * An ECR repository: images scanned on push, immutable tags, encrypted (AES256 or a KMS key), and a
 * lifecycle policy that expires untagged images and keeps the newest N. The repository is never force-deleted:
 * {@code terraform destroy} fails while it still holds images, so images are removed on purpose, not as a
 * side effect.
 */
public final class ContainerRegistry extends BlueprintConstruct {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final EcrRepository repository;
  private final Memo<String> repositoryArn;
  private final String name;

  public ContainerRegistry(Construct scope, String id, ContainerRegistryProps props) {
    super(scope, id);
    Validate.notNull("props", props);
    name = props.name();
    var encryption = EcrRepositoryEncryptionConfiguration.builder();
    if (props.kmsKeyArn() != null) encryption.encryptionType("KMS").kmsKey(props.kmsKeyArn());
    else encryption.encryptionType("AES256");
    repository = EcrRepository.Builder.create(this, "Resource")
        .name(props.name())
        .imageTagMutability(props.immutableTags() ? "IMMUTABLE" : "MUTABLE")
        .imageScanningConfiguration(EcrRepositoryImageScanningConfiguration.builder().scanOnPush(true).build())
        .encryptionConfiguration(List.of(encryption.build()))
        .forceDelete(false)
        .build();
    repositoryArn = Memo.of(repository::getArn);
    EcrLifecyclePolicy.Builder.create(this, "LifecyclePolicy")
        .repository(repository.getName())
        .policy(lifecyclePolicy(props.untaggedExpiryDays(), props.keepLast()))
        .build();
  }

  /**
   * Lets the grantee pull this repository's images: an ECS service pulls with its execution role, so pass
   * {@code service.executionRole()} (an {@code EcsService} itself grants to its task role); an Auto Scaling
   * group pulls with its instance role, so the group itself will do.
   */
  public Grant grantPull(Grantable grantee) {
    return grantee.grantRole().grant("Pull" + Stacks.id(this), List.of(
        PolicyStatement.allow(List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
            List.of(repositoryArn.get())),
        // GetAuthorizationToken has no resource-level permissions: the token is for the registry, not a repository.
        PolicyStatement.allow(List.of("ecr:GetAuthorizationToken"), List.of("*"))));
  }

  /** {@code <account>.dkr.ecr.<region>.amazonaws.com/<name>}. */
  public String repositoryUrl() {
    return repository.getRepositoryUrl();
  }

  /** The image reference {@code <repositoryUrl>:<tag>}. */
  public String imageUri(String tag) {
    Validate.matches("tag", tag, java.util.regex.Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$"),
        "1-128 letters, digits, _ . -, not starting with . or -");
    return repository.getRepositoryUrl() + ":" + tag;
  }

  public String arn() {
    return repositoryArn.get();
  }

  /** The repository name, known at synth. */
  public String name() {
    return name;
  }

  public EcrRepository resource() {
    return repository;
  }

  /** Rule 1 expires untagged images; rule 2 (tagStatus any, which must have the highest priority) keeps the newest N. */
  static String lifecyclePolicy(int untaggedExpiryDays, int keepLast) {
    Map<String, Object> untagged = rule(1, "Expire untagged images after " + untaggedExpiryDays + " days",
        Map.of("tagStatus", "untagged", "countType", "sinceImagePushed", "countUnit", "days", "countNumber", untaggedExpiryDays));
    Map<String, Object> any = rule(2, "Keep the last " + keepLast + " images",
        Map.of("tagStatus", "any", "countType", "imageCountMoreThan", "countNumber", keepLast));
    try {
      return JSON.writeValueAsString(Map.of("rules", List.of(untagged, any)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> rule(int priority, String description, Map<String, Object> selection) {
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("rulePriority", priority);
    rule.put("description", description);
    rule.put("selection", new java.util.TreeMap<>(selection));
    rule.put("action", Map.of("type", "expire"));
    return rule;
  }
}
