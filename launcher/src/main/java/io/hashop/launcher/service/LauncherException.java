package io.hashop.launcher.service;

/**
 * A problem the user can fix; its message is printed alone, without a stack trace.
 */
public class LauncherException extends RuntimeException {

	public LauncherException(String message) {
		super(message);
	}

	public LauncherException(String message, Throwable cause) {
		super(message, cause);
	}

}
