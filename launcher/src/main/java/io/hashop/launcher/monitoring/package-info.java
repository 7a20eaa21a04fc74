/**
 * The local platform watched by the Prometheus installed on this machine
 * ({@code ./run-local.sh --monitoring}).
 */
package io.hashop.launcher.monitoring;
