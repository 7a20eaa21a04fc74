/**
 * Who is calling: the client address behind the trusted proxies, whether the request came
 * over TLS, and the session cookie.
 */
package io.hashop.gateway.client;
