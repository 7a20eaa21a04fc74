/**
 * The dashboard: three services asked in parallel, degraded sections instead of errors.
 */
package io.hashop.bff.dashboard;
