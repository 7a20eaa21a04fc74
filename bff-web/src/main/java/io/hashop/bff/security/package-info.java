/**
 * Who is signed in and what they may do: sessions in Redis, the XSRF cookie/header pair,
 * and 401/403/503 answers as problem+json; requests no route can take (a refused
 * Content-Type, method or path, Tomcat's own errors, {@code /error}) as problem+json 4xx.
 */
package io.hashop.bff.security;
