package io.hashop.user.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.hashop.platform.kafka.RetryableEventException;
import io.hashop.user.account.AccountDirectory;
import io.hashop.user.config.UserServiceProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends one e-mail per order outcome. The dedupe row is inserted first, in the
 * transaction that sends the e-mail: a redelivery finds it and sends nothing, a
 * concurrent duplicate waits on it, and a failed send rolls it back to be retried. Only a
 * crash between the SMTP server's acceptance and the commit can repeat an e-mail; its
 * {@code X-Hashop-Notification} header lets a mail system drop such a twin.
 */
@Service
class OrderOutcomeNotifier {

	static final String NOTIFICATION_HEADER = "X-Hashop-Notification";

	private final JdbcClient jdbc;

	private final AccountDirectory accounts;

	private final JavaMailSender mail;

	private final String from;

	private final Clock clock;

	OrderOutcomeNotifier(JdbcClient jdbc, AccountDirectory accounts, JavaMailSender mail,
			UserServiceProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.mail = mail;
		this.from = properties.notifications().from();
		this.clock = clock;
	}

	/**
	 * Notifies the order's owner unless this outcome was notified before.
	 * @return whether an e-mail was sent
	 */
	@Transactional
	boolean notify(UUID eventId, OrderOutcome outcome) {
		Optional<String> recipient = this.accounts.emailOf(outcome.userId());
		if (!record(eventId, outcome, recipient.orElse(null))) {
			return false;
		}
		if (recipient.isEmpty()) {
			return false;
		}
		try {
			this.mail.send(message(recipient.get(), outcome));
		}
		catch (MailException ex) {
			throw new RetryableEventException("Could not send the e-mail for order " + outcome.orderId(), ex);
		}
		return true;
	}

	private boolean record(UUID eventId, OrderOutcome outcome, String recipient) {
		return this.jdbc.sql("""
				INSERT INTO sent_notifications (order_id, outcome, event_id, user_id, status, recipient, created_at)
				VALUES (:orderId, :outcome, :eventId, :userId, :status, :recipient, :now)
				ON CONFLICT (order_id, outcome) DO NOTHING
				""")
			.param("orderId", outcome.orderId())
			.param("outcome", outcome.name())
			.param("eventId", eventId)
			.param("userId", outcome.userId())
			.param("status", (recipient != null) ? "SENT" : "NO_ACCOUNT")
			.param("recipient", recipient)
			.param("now", Timestamp.from(this.clock.instant()))
			.update() == 1;
	}

	private MimeMessage message(String recipient, OrderOutcome outcome) {
		MimeMessage message = this.mail.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(recipient);
			String order = outcome.orderId().toString().substring(0, 8);
			String amount = String.format(Locale.ROOT, "%d.%02d %s", outcome.amountCents() / 100,
					outcome.amountCents() % 100, outcome.currency());
			if (outcome.paid()) {
				helper.setSubject("Your order " + order + " is paid");
				helper.setText("Thank you: we received your payment of " + amount + " for order " + outcome.orderId()
						+ ". We are preparing it now.");
			}
			else {
				helper.setSubject("The payment for your order " + order + " was declined");
				helper.setText("Your payment of " + amount + " for order " + outcome.orderId()
						+ " was declined, so the order will not be shipped. You can place it again.");
			}
			message.setHeader(NOTIFICATION_HEADER, outcome.notificationId());
			return message;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("Could not build the e-mail for order " + outcome.orderId(), ex);
		}
	}

}
