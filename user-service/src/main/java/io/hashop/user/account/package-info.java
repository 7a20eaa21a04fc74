/** User accounts: registration, credential checks and profile reads. */
package io.hashop.user.account;
