package io.hashop.order.catalog;

/** An operation reserved to admins, attempted by someone else. */
public class AdminRequiredException extends RuntimeException {

	public AdminRequiredException() {
		super("Only an admin may do this");
	}

}
