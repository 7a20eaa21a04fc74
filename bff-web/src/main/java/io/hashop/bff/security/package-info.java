/**
 * Who is signed in and what they may do: sessions in Redis, the XSRF cookie/header pair,
 * and 401/403/503 answers as problem+json.
 */
package io.hashop.bff.security;
