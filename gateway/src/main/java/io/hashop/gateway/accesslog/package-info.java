/**
 * The access log: one line per request with method, path, status, duration and request
 * id; structured fields when {@code LOG_FORMAT=json}.
 */
package io.hashop.gateway.accesslog;
