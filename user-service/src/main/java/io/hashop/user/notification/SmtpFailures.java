package io.hashop.user.notification;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;

import org.springframework.mail.MailSendException;

/**
 * Tells an e-mail the mail server will never accept from a failure that passes. Permanent
 * (park it, do not retry): its recipient refused with a 5xx reply ({@code RCPT TO}, e.g.
 * 550 no such mailbox; Jakarta Mail reports such a recipient among the invalid addresses,
 * and a 4xx one among the valid unsent ones) or an address that does not parse.
 * Everything else is transient and retried: 4xx replies, connection failures, and
 * rejections of the sender, the authentication or the content, which are the same for
 * every e-mail (they are all built from one template and sent from one address), so an
 * operator fixes them for all at once and they must not park every e-mail.
 */
final class SmtpFailures {

	private SmtpFailures() {
	}

	/** Why the e-mail can never be sent, or empty when it is worth retrying. */
	static Optional<String> permanentReason(Throwable failure) {
		Deque<Throwable> pending = new ArrayDeque<>();
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		pending.add(failure);
		while (!pending.isEmpty()) {
			Throwable current = pending.poll();
			if (!seen.add(current)) {
				continue;
			}
			Optional<String> reason = permanentReasonOf(current);
			if (reason.isPresent()) {
				return reason;
			}
			addIfPresent(pending, current.getCause());
			if (current instanceof MessagingException messaging) {
				addIfPresent(pending, messaging.getNextException());
			}
			if (current instanceof MailSendException send) {
				send.getFailedMessages().values().forEach((cause) -> addIfPresent(pending, cause));
			}
		}
		return Optional.empty();
	}

	private static Optional<String> permanentReasonOf(Throwable failure) {
		if (failure instanceof SendFailedException rejected && rejected.getInvalidAddresses() != null
				&& rejected.getInvalidAddresses().length > 0) {
			Exception reply = rejected.getNextException();
			return Optional.of("recipient rejected: " + ((reply != null) ? reply.getMessage() : rejected.getMessage()));
		}
		if (failure instanceof AddressException invalid) {
			return Optional.of("invalid address: " + invalid.getMessage());
		}
		return Optional.empty();
	}

	private static void addIfPresent(Deque<Throwable> pending, Throwable cause) {
		if (cause != null) {
			pending.add(cause);
		}
	}

}
