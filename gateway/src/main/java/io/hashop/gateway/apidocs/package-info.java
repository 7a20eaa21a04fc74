/**
 * The BFF's rendered API reference ({@code /api/docs}, Swagger UI) passes through like
 * the rest of {@code /api/**}, with the narrow Content-Security-Policy its page needs.
 */
package io.hashop.gateway.apidocs;
