package dev.blueprints.compute;

import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRule;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleAction;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleActionAuthenticateCognito;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleActionAuthenticateOidc;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleActionFixedResponse;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleCondition;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleConditionHostHeader;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleConditionPathPattern;
import dev.blueprints.auth.LoadBalancerClient;
import dev.blueprints.core.Validate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.hashicorp.cdktf.providers.aws.lb_listener.LbListener;

/** A listener of a {@link LoadBalancer}, returned by its {@code add...Listener} methods. */
public final class Listener {
  private final LoadBalancer loadBalancer;
  private final LbListener listener;
  private final int port;
  private final Map<Integer, LbListenerRule> rules = new TreeMap<>();

  Listener(LoadBalancer loadBalancer, LbListener listener, int port) {
    this.loadBalancer = loadBalancer;
    this.listener = listener;
    this.port = port;
  }

  /**
   * A rule evaluated before the default action, lowest {@code priority} first (1..50000, unique on this
   * listener): requests matching {@code condition} get {@code action}. Application load balancers only.
   *
   * <pre>{@code
   * https.addRule(10, ListenerCondition.hosts("api.example.com"), ListenerAction.forward(api));
   * https.addRule(20, ListenerCondition.paths("/admin/*"), ListenerAction.fixedResponse(403, "text/plain", "Forbidden"));
   * https.addRule(30, ListenerCondition.paths("/reports/*"), ListenerAction.authenticate(IdentityProvider.cognito(client), ListenerAction.forward(reports)));
   * }</pre>
   *
   * An authenticate action needs an HTTPS listener; it opens the load balancer's egress on 443 (see
   * {@link IdentityProvider}).
   */
  public LbListenerRule addRule(int priority, ListenerCondition condition, ListenerAction action) {
    if (action != null && action.authentication() != null) loadBalancer.requireAuthenticationSupported("action", listener.getProtocolInput(), port);
    if (loadBalancer.kind() != LoadBalancerKind.APPLICATION) {
      throw Validate.invalid("listener", port, "rules need an application load balancer's listener; " + loadBalancer.getNode().getPath() + " is a network load balancer");
    }
    Validate.range("priority", priority, 1, 50_000);
    if (rules.containsKey(priority)) throw Validate.invalid("priority", priority, "unique on listener " + port + "; taken: " + rules.keySet());
    Validate.notNull("condition", condition);
    Validate.notNull("action", action);
    var ruleAction = LbListenerRuleAction.builder().order(action.authentication() == null ? null : ListenerAction.FINAL_ORDER);
    if (action.target() != null) {
      loadBalancer.requireOwnRuleTarget(action.target());
      ruleAction.type("forward").targetGroupArn(action.target().arn());
    } else {
      ruleAction.type("fixed-response").fixedResponse(LbListenerRuleActionFixedResponse.builder()
          .statusCode(String.valueOf(action.statusCode())).contentType(action.contentType()).messageBody(action.body()).build());
    }
    List<LbListenerRuleCondition> conditions = new ArrayList<>();
    if (!condition.hosts().isEmpty()) {
      conditions.add(LbListenerRuleCondition.builder()
          .hostHeader(LbListenerRuleConditionHostHeader.builder().values(condition.hosts()).build()).build());
    }
    if (!condition.paths().isEmpty()) {
      conditions.add(LbListenerRuleCondition.builder()
          .pathPattern(LbListenerRuleConditionPathPattern.builder().values(condition.paths()).build()).build());
    }
    if (action.authentication() != null) loadBalancer.allowIdentityProviderCalls();
    LbListenerRule rule = LbListenerRule.Builder.create(loadBalancer, "Listener" + port + "Rule" + priority)
        .listenerArn(arn())
        .priority(priority)
        .action(action.authentication() == null ? List.of(ruleAction.build()) : List.of(authenticate(action.authentication()), ruleAction.build()))
        .condition(conditions)
        .build();
    if (action.target() != null) action.target().forwardedBy(rule);
    rules.put(priority, rule);
    return rule;
  }

  /** The authenticate action of a rule, performed before its forward or fixed response. */
  private static LbListenerRuleAction authenticate(AuthenticateProps auth) {
    var action = LbListenerRuleAction.builder().type(auth.provider().actionType()).order(ListenerAction.AUTHENTICATE_ORDER);
    LoadBalancerClient cognito = auth.provider().cognito();
    IdentityProvider.Oidc oidc = auth.provider().oidc();
    if (cognito != null) {
      return action.authenticateCognito(LbListenerRuleActionAuthenticateCognito.builder().userPoolArn(cognito.userPoolArn())
          .userPoolClientId(cognito.clientId()).userPoolDomain(cognito.domain()).scope(auth.scope()).sessionCookieName(auth.sessionCookieName())
          .sessionTimeout(auth.sessionTimeoutSeconds()).onUnauthenticatedRequest(auth.onUnauthenticatedRequest().value()).build()).build();
    }
    return action.authenticateOidc(LbListenerRuleActionAuthenticateOidc.builder().issuer(oidc.issuer()).authorizationEndpoint(oidc.authorizationEndpoint())
        .tokenEndpoint(oidc.tokenEndpoint()).userInfoEndpoint(oidc.userInfoEndpoint()).clientId(oidc.clientId()).clientSecret(oidc.clientSecret())
        .scope(auth.scope()).sessionCookieName(auth.sessionCookieName()).sessionTimeout(auth.sessionTimeoutSeconds())
        .onUnauthenticatedRequest(auth.onUnauthenticatedRequest().value()).build()).build();
  }

  /** The rules added so far, by priority. */
  public Map<Integer, LbListenerRule> rules() {
    return Collections.unmodifiableMap(rules);
  }

  public String arn() {
    return listener.getArn();
  }

  public int port() {
    return port;
  }

  public LbListener resource() {
    return listener;
  }
}
