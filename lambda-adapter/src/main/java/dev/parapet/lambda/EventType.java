package dev.parapet.lambda;

/** The kinds of HTTP events a Lambda function receives, as audit records name them. */
public enum EventType {
    /** API Gateway REST API proxy integration (also HTTP API with payload format 1.0). */
    API_GATEWAY_REST,
    /** API Gateway HTTP API with payload format 2.0, and Lambda function URLs. */
    API_GATEWAY_HTTP,
    /** Application Load Balancer with a Lambda target group. */
    ALB,
    /** A raw event whose shape could not be recognised. */
    UNKNOWN
}
