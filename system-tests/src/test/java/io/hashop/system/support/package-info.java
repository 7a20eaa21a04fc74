/**
 * The test side of the system tests: one running platform shared by the test classes, and
 * clients that reach it the way other services do (gRPC and REST with internal tokens),
 * plus direct views of its databases, topics and mails.
 */
package io.hashop.system.support;
