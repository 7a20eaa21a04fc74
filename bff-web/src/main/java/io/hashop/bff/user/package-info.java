/** The signed-in user's account, read from user-service. */
package io.hashop.bff.user;
