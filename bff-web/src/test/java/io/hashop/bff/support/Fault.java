package io.hashop.bff.support;

/** How a fake downstream misbehaves. */
public enum Fault {

	/** Answers normally. */
	NONE,
	/** Never answers: the caller's deadline must save it. */
	HANG,
	/** Answers UNAVAILABLE (gRPC) or 503 (HTTP) at once. */
	DOWN

}
