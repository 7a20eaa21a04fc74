package io.hashop.user.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.hashop.platform.kafka.RetryableEventException;
import io.hashop.user.account.AccountDirectory;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends one e-mail per order outcome. The dedupe row is inserted first, in the
 * transaction that sends the e-mail: a redelivery finds it and sends nothing, a
 * concurrent duplicate waits on it, and a send that failed for a passing reason rolls it
 * back to be retried. An e-mail the server refuses for good (see {@link SmtpFailures}) is
 * parked instead: the row says {@code PARKED}, with its attempts and the server's reply,
 * and is committed, so it never blocks the e-mails behind it. Only a crash between the
 * SMTP server's acceptance and the commit can repeat an e-mail; its
 * {@code X-Hashop-Notification} header lets a mail system drop such a twin.
 */
@Service
class OrderOutcomeNotifier {

	static final String NOTIFICATION_HEADER = "X-Hashop-Notification";

	private static final Logger logger = LoggerFactory.getLogger(OrderOutcomeNotifier.class);

	private static final int MAX_REASON_LENGTH = 512;

	/** What became of a notification. */
	enum Result {

		/** The e-mail was sent. */
		SENT,
		/** The user has no account here: nothing to send. */
		NO_ACCOUNT,
		/** This outcome was handled before: nothing sent again. */
		DUPLICATE,
		/** The mail server refused the e-mail for good: parked, not retried. */
		PARKED

	}

	private final JdbcClient jdbc;

	private final AccountDirectory accounts;

	private final JavaMailSender mail;

	private final String from;

	private final Clock clock;

	OrderOutcomeNotifier(JdbcClient jdbc, AccountDirectory accounts, JavaMailSender mail,
			NotificationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.mail = mail;
		this.from = properties.from();
		this.clock = clock;
	}

	/**
	 * Notifies the order's owner unless this outcome was handled before.
	 * @return what became of the notification
	 * @throws RetryableEventException when the e-mail could not be sent for a passing
	 * reason
	 */
	@Transactional
	Result notify(UUID eventId, OrderOutcome outcome) {
		Optional<String> recipient = this.accounts.emailOf(outcome.userId());
		if (!record(eventId, outcome, recipient.orElse(null))) {
			return Result.DUPLICATE;
		}
		if (recipient.isEmpty()) {
			return Result.NO_ACCOUNT;
		}
		try {
			this.mail.send(message(recipient.get(), outcome));
			return Result.SENT;
		}
		catch (MailException | MessagingException ex) {
			String reason = SmtpFailures.permanentReason(ex)
				.orElseThrow(() -> new RetryableEventException(
						"Could not send the e-mail for order " + outcome.orderId(), ex));
			park(outcome, reason);
			logger.warn("Parked the e-mail for order {} ({}): the mail server refused it for good: {}",
					outcome.orderId(), outcome.name(), reason);
			return Result.PARKED;
		}
	}

	private boolean record(UUID eventId, OrderOutcome outcome, String recipient) {
		return this.jdbc.sql("""
				INSERT INTO sent_notifications (order_id, outcome, event_id, user_id, status, recipient, attempts,
				                                created_at)
				VALUES (:orderId, :outcome, :eventId, :userId, :status, :recipient, :attempts, :now)
				ON CONFLICT (order_id, outcome) DO NOTHING
				""")
			.param("orderId", outcome.orderId())
			.param("outcome", outcome.name())
			.param("eventId", eventId)
			.param("userId", outcome.userId())
			.param("status", (recipient != null) ? "SENT" : "NO_ACCOUNT")
			.param("recipient", recipient)
			.param("attempts", (recipient != null) ? 1 : 0)
			.param("now", Timestamp.from(this.clock.instant()))
			.update() == 1;
	}

	private void park(OrderOutcome outcome, String reason) {
		this.jdbc.sql("""
				UPDATE sent_notifications SET status = 'PARKED', failure_reason = :reason
				WHERE order_id = :orderId AND outcome = :outcome
				""")
			.param("reason", (reason.length() > MAX_REASON_LENGTH) ? reason.substring(0, MAX_REASON_LENGTH) : reason)
			.param("orderId", outcome.orderId())
			.param("outcome", outcome.name())
			.update();
	}

	/**
	 * The e-mail; a recipient that does not parse fails here with an
	 * {@code AddressException}, a permanent failure of this e-mail. A sender that does
	 * not parse is the configuration's fault, not the e-mail's, and never parks it.
	 */
	private MimeMessage message(String recipient, OrderOutcome outcome) throws MessagingException {
		MimeMessage message = this.mail.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
		try {
			helper.setFrom(this.from);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("The sender address (MAIL_FROM) is invalid", ex);
		}
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

}
