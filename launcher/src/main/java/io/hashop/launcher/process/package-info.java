/**
 * The services' processes: starting them, readiness, supervision with restarts, and their
 * status.
 */
package io.hashop.launcher.process;
