/**
 * A Jepsen-style chaos run: simulated shoppers against a supervised platform while
 * processes are killed and the infrastructure restarted on a schedule, then a checker
 * that holds the recorded history against what the databases say happened.
 */
package io.hashop.system.chaos;
