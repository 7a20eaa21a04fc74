package io.hashop.launcher;

/**
 * A problem the user can fix; its message is printed alone, without a stack trace.
 */
class LauncherException extends RuntimeException {

	LauncherException(String message) {
		super(message);
	}

	LauncherException(String message, Throwable cause) {
		super(message, cause);
	}

}
