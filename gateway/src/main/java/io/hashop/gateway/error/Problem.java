package io.hashop.gateway.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;

/**
 * What the client is told about an error.
 *
 * @param status the HTTP status
 * @param detail a sentence safe to show to the client
 * @param retryAfter when to try again, or {@code null}
 */
record Problem(HttpStatusCode status, String detail, @Nullable Duration retryAfter) {

	long retryAfterSeconds() {
		return (this.retryAfter != null) ? Math.max(1, (this.retryAfter.toMillis() + 999) / 1000) : 0;
	}

}
