/**
 * The storefront: the browser app's static files at {@code /} and {@code /app/**}, and
 * the narrow Content-Security-Policy they are served with.
 */
package io.hashop.gateway.storefront;
