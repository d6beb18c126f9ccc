package dev.blueprints.policy;

import static dev.blueprints.policy.PolicyAssert.dev;
import static dev.blueprints.policy.PolicyAssert.fails;
import static dev.blueprints.policy.PolicyAssert.passes;
import static dev.blueprints.policy.PolicyAssert.prod;
import static dev.blueprints.policy.PolicyAssert.rule;

import com.hashicorp.cdktf.providers.aws.autoscaling_attachment.AutoscalingAttachment;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroup;
import com.hashicorp.cdktf.providers.aws.lb.Lb;
import com.hashicorp.cdktf.providers.aws.lb.LbAccessLogs;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListener;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultAction;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultActionRedirect;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroup;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroupHealthCheck;
import dev.blueprints.core.BlueprintStack;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadBalancingRulesTest {
  private static Lb alb(BlueprintStack stack) {
    return Lb.Builder.create(stack, "Lb").loadBalancerType("application").dropInvalidHeaderFields(true)
        .enableDeletionProtection(true).accessLogs(LbAccessLogs.builder().bucket("logs").enabled(true).build()).build();
  }

  private static LbListenerDefaultAction forward() {
    return LbListenerDefaultAction.builder().type("forward").targetGroupArn("arn:tg").build();
  }

  @Test
  void albsDropInvalidHeaders() {
    BlueprintStack stack = dev();
    Lb lb = alb(stack);
    rule(stack, "BP-LB-001", "aws_lb.Lb").passes()
        .after(() -> lb.setDropInvalidHeaderFields(false)).fails("drop_invalid_header_fields is false")
        .after(lb::resetDropInvalidHeaderFields).fails("drop_invalid_header_fields is absent")
        .after(() -> lb.setLoadBalancerType("network")).passes();   // not applicable to NLBs
  }

  @Test
  void httpsListenersUseATls12Policy() {
    BlueprintStack stack = dev();
    LbListener listener = LbListener.Builder.create(stack, "Https").loadBalancerArn("arn:lb").protocol("HTTPS").port(443)
        .certificateArn("arn:cert").sslPolicy("ELBSecurityPolicy-TLS13-1-2-2021-06").defaultAction(List.of(forward())).build();
    rule(stack, "BP-LB-002", "aws_lb_listener.Https").passes()
        .after(() -> listener.setSslPolicy("ELBSecurityPolicy-2016-08"))
        .fails("ELBSecurityPolicy-2016-08, which allows TLS older than 1.2")
        .after(listener::resetSslPolicy).fails("ssl_policy is absent")
        .after(() -> listener.setProtocol("TCP")).passes();
  }

  @Test
  void httpListenersOnlyRedirectToHttps() {
    BlueprintStack stack = dev();
    LbListener listener = LbListener.Builder.create(stack, "Http").loadBalancerArn("arn:lb").protocol("HTTP").port(80)
        .defaultAction(List.of(LbListenerDefaultAction.builder().type("redirect").redirect(
            LbListenerDefaultActionRedirect.builder().protocol("HTTPS").port("443").statusCode("HTTP_301").build()).build()))
        .build();
    rule(stack, "BP-LB-003", "aws_lb_listener.Http").passes()
        .after(() -> listener.putDefaultAction(List.of(forward()))).fails("default action is \"forward\"")
        .after(listener::resetProtocol).fails("serving plain HTTP");   // absent: HTTP
  }

  @Test
  void productionLoadBalancersHaveDeletionProtection() {
    BlueprintStack prod = prod();
    Lb lb = alb(prod);
    rule(prod, "BP-LB-004", "aws_lb.Lb").passes()
        .after(lb::resetEnableDeletionProtection).fails("enable_deletion_protection is absent in production");
    BlueprintStack dev = dev();
    alb(dev).setEnableDeletionProtection(false);
    passes(dev, "BP-LB-004");
  }

  @Test
  void albsWriteAccessLogs() {
    BlueprintStack stack = dev();
    Lb lb = alb(stack);
    rule(stack, "BP-LB-005", "aws_lb.Lb").passes()
        .after(() -> lb.putAccessLogs(LbAccessLogs.builder().bucket("logs").enabled(false).build()))
        .fails("access logs are off")
        .after(lb::resetAccessLogs).fails("access logs are off");
  }

  @Test
  void targetGroupsHaveHealthChecksWithAPath() {
    BlueprintStack stack = dev();
    LbTargetGroup tg = LbTargetGroup.Builder.create(stack, "Tg").port(8000).protocol("HTTP").vpcId("vpc-1")
        .healthCheck(LbTargetGroupHealthCheck.builder().enabled(true).path("/health").matcher("200").build()).build();
    rule(stack, "BP-LB-006", "aws_lb_target_group.Tg").passes()
        .after(() -> tg.putHealthCheck(LbTargetGroupHealthCheck.builder().enabled(true).build()))
        .fails("the HTTP health check has no path")
        .after(() -> tg.putHealthCheck(LbTargetGroupHealthCheck.builder().enabled(false).path("/").build()))
        .fails("the health check is disabled")
        .after(tg::resetHealthCheck).fails("no health_check block")
        .after(() -> tg.setProtocol("TCP"))
        .after(() -> tg.putHealthCheck(LbTargetGroupHealthCheck.builder().enabled(true).protocol("TCP").build()))
        .passes();
  }

  @Test
  void autoScalingGroupsBehindATargetGroupUseElbHealthChecks() {
    BlueprintStack stack = dev();
    AutoscalingGroup asg = AutoscalingGroup.Builder.create(stack, "Asg").minSize(1).maxSize(2)
        .targetGroupArns(List.of("arn:tg")).healthCheckType("ELB").build();
    rule(stack, "BP-ASG-001", "aws_autoscaling_group.Asg").passes()
        .after(asg::resetHealthCheckType).fails("health_check_type is absent (default EC2)")
        .after(asg::resetTargetGroupArns).passes();   // not behind a load balancer
    AutoscalingAttachment.Builder.create(stack, "Attach").autoscalingGroupName(asg.getName()).lbTargetGroupArn("arn:tg").build();
    fails(stack, "BP-ASG-001", "aws_autoscaling_group.Asg", "health_check_type is absent");
  }
}
