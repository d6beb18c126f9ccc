package dev.blueprints.auth;

import com.hashicorp.cdktf.providers.aws.cognito_user_pool_client.CognitoUserPoolClient;
import java.util.List;

/**
 * A user pool app client made for an application load balancer's {@code authenticate-cognito} action, created by
 * {@link UserPool#addLoadBalancerClient}: what the action needs and the scopes the client allows. The client keeps
 * a secret the load balancer reads from Cognito itself.
 *
 * @param userPoolArn the pool's ARN (a reference)
 * @param resource    the app client
 * @param domain      the hosted-UI domain prefix, as a reference (the action waits for the domain)
 * @param scopes      the OAuth scopes the client allows; an action may request only these
 */
public record LoadBalancerClient(String userPoolArn, CognitoUserPoolClient resource, String domain, List<String> scopes) {
  public LoadBalancerClient {
    scopes = List.copyOf(scopes);
  }

  public String clientId() {
    return resource.getId();
  }
}
