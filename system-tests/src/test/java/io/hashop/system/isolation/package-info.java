/**
 * Fault isolation through the real platform: hostile input never gets a 5xx or a stack
 * trace, and no caller reads or changes what is not theirs.
 */
package io.hashop.system.isolation;
