package dev.blueprints.data;

/**
 * Where clients connect to a {@link Database}.
 *
 * @param address host name (a reference to {@code aws_db_instance.address})
 * @param port    TCP port, known at synth
 */
public record DatabaseEndpoint(String address, int port) {}
