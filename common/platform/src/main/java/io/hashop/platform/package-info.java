/**
 * Cross-cutting auto-configuration shared by every process: problem+json errors, health
 * and metrics defaults, and the internal identity token. No business logic lives here.
 */
package io.hashop.platform;
