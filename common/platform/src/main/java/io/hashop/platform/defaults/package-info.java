/**
 * Platform-wide configuration defaults, each overridable by a service's own
 * configuration.
 */
package io.hashop.platform.defaults;
