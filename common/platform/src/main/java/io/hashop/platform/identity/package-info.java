/**
 * Internal identity: the caller's user id and roles reach a service only inside a
 * short-lived token signed with the platform's key and addressed to that service; bare
 * headers are never trusted.
 */
package io.hashop.platform.identity;
