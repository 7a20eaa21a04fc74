/**
 * What to run and where: the service table, each instance's spec, environment, ports,
 * secrets and jars.
 */
package io.hashop.launcher.service;
