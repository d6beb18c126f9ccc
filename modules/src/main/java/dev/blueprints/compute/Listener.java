package dev.blueprints.compute;

import com.hashicorp.cdktf.providers.aws.lb_listener.LbListener;

/** A listener of a {@link LoadBalancer}, returned by its {@code add...Listener} methods. */
public final class Listener {
  private final LbListener listener;
  private final int port;

  Listener(LbListener listener, int port) {
    this.listener = listener;
    this.port = port;
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
