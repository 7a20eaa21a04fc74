/**
 * The platform's contracts: gRPC APIs and Kafka event schemas generated from protobuf,
 * and the names of the topics those events travel on.
 */
package io.hashop.contracts;
