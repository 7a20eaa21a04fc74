/**
 * The error model: invalid requests carry field violations, and every HTTP error is RFC
 * 9457 {@code application/problem+json} without internal detail.
 */
package io.hashop.platform.error;
