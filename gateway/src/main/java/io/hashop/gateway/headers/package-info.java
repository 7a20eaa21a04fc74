/**
 * Security headers on every response the gateway sends, the BFF's answers and the
 * gateway's own errors alike.
 */
package io.hashop.gateway.headers;
