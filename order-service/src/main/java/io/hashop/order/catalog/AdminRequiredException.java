package io.hashop.order.catalog;

/** An operation reserved to admins, attempted by someone else. */
class AdminRequiredException extends RuntimeException {

	AdminRequiredException() {
		super("Only an admin may do this");
	}

}
