package io.hashop.launcher.process;

/** Where an instance is in its life, as the supervisor shows it. */
public enum InstanceState {

	/** Started, not yet answering {@code /readyz}. */
	STARTING,

	/** Answering {@code /readyz}: in rotation. */
	READY,

	/** Exited on its own; restarted after a backoff. */
	BACKING_OFF,

	/** Stopped on purpose (Ctrl-C, a test): not restarted. */
	STOPPED,

	/** Exited and not restarted: supervision is off for it. */
	EXITED,

	/** Crash loop: the supervisor gave up on it. */
	FAILED

}
