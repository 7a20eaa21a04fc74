/**
 * Request limits enforced before the BFF is bothered: header size and count (431) and
 * body size (413), also for chunked bodies without a {@code Content-Length}.
 */
package io.hashop.gateway.requestlimit;
