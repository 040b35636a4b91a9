/**
 * Parapet for AWS Lambda: wraps handlers of API Gateway (REST and HTTP APIs), Lambda function URL and
 * Application Load Balancer events, typed or as raw JSON streams. Start with {@link dev.parapet.lambda.ParapetHandlers}
 * and keep the compiled rules in a {@link dev.parapet.lambda.FirewallHolder}.
 */
package dev.parapet.lambda;
