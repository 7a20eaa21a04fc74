package io.hashop.bff.auth;

/** The account answered by register and login. */
record AccountResponse(String id, String email, String displayName) {

}
