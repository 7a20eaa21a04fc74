/**
 * Every error the gateway produces itself is RFC 9457 {@code application/problem+json}:
 * no stack trace, no Netty or WebFlux default page, no internal message.
 */
package io.hashop.gateway.error;
