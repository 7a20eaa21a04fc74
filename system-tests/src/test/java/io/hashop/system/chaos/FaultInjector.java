package io.hashop.system.chaos;

/**
 * Does faults to a platform; an interface so that the schedule does not depend on how the
 * platform runs.
 */
interface FaultInjector {

	/**
	 * Waits (bounded) until every instance of the service a kill is meant for is ready,
	 * so that a kill never takes the last instance of a service: the platform promises to
	 * survive any one instance dying, not all of them.
	 * @return empty when ready, else what was still missing when the wait ended
	 */
	String awaitTargetReady(PlannedFault fault);

	/**
	 * Does the fault and returns once its action is over.
	 * @return the instance or server it hit
	 */
	String inject(PlannedFault fault, FaultPlan plan);

}
