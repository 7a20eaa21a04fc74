/**
 * What an operator sees of the running platform: traces across every process.
 */
package io.hashop.system.observability;
