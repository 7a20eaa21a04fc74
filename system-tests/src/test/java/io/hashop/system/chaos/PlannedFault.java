package io.hashop.system.chaos;

/**
 * A fault before it happens.
 *
 * @param kind what it does
 * @param module the service whose instance a {@link FaultKind#KILL} hits, else
 * {@code null}
 */
record PlannedFault(FaultKind kind, String module) {

	static PlannedFault kill(String module) {
		return new PlannedFault(FaultKind.KILL, module);
	}

	static PlannedFault restart(FaultKind kind) {
		return new PlannedFault(kind, null);
	}

}
