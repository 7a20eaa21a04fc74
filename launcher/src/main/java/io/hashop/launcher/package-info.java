/**
 * Starts the whole platform on a developer machine: infrastructure, then every service as
 * its own JVM process, and stops it all again on Ctrl-C.
 */
package io.hashop.launcher;
