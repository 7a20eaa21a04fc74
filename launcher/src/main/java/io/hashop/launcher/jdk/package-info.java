/** Finds a JDK 21+ for the services on this machine. */
package io.hashop.launcher.jdk;
