/**
 * Configuration of the BFF: limits on untrusted JSON, Redis client behaviour, the API
 * description.
 */
package io.hashop.bff.config;
