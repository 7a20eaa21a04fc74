package io.hashop.user.notification;

import java.net.ConnectException;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failures as Jakarta Mail (Angus) reports them for a message with one recipient,
 * wrapped by Spring's {@code JavaMailSender}.
 */
class SmtpFailuresTests {

	@Test
	void treatsARecipientRejectedWith5xxAsPermanent() throws Exception {
		InternetAddress recipient = new InternetAddress("gone@example.com");
		SMTPAddressFailedException reply = new SMTPAddressFailedException(recipient, "RCPT TO:<gone@example.com>", 550,
				"550 5.1.1 mailbox unavailable");
		SendFailedException failed = new SendFailedException("Invalid Addresses", reply, new Address[0], new Address[0],
				new Address[] { recipient });

		assertThat(SmtpFailures.permanentReason(sent(failed)))
			.hasValue("recipient rejected: 550 5.1.1 mailbox unavailable");
	}

	@Test
	void retriesARecipientDeferredWith4xx() throws Exception {
		InternetAddress recipient = new InternetAddress("busy@example.com");
		SMTPAddressFailedException reply = new SMTPAddressFailedException(recipient, "RCPT TO:<busy@example.com>", 450,
				"450 4.2.1 try again later");
		SendFailedException failed = new SendFailedException("Invalid Addresses", reply, new Address[0],
				new Address[] { recipient }, new Address[0]);

		assertThat(SmtpFailures.permanentReason(sent(failed))).isEmpty();
	}

	@Test
	void retriesRejectionsOfTheSenderTheAuthenticationOrTheContentThatEveryMailShares() {
		SMTPSendFailedException sender = new SMTPSendFailedException("MAIL FROM:<no-reply@hashop.local>", 550,
				"550 sender rejected", null, null, null, null);
		SMTPSendFailedException content = new SMTPSendFailedException(".", 554, "554 5.7.1 message rejected", null,
				null, null, null);

		assertThat(SmtpFailures.permanentReason(sent(sender))).isEmpty();
		assertThat(SmtpFailures.permanentReason(sent(content))).isEmpty();
		assertThat(SmtpFailures.permanentReason(new MailAuthenticationException("535 bad credentials"))).isEmpty();
	}

	@Test
	void retriesAMailServerThatCannotBeReached() {
		MessagingException refused = new MessagingException("Could not connect", new ConnectException("refused"));

		assertThat(SmtpFailures.permanentReason(new MailSendException("Mail server connection failed", refused)))
			.isEmpty();
	}

	@Test
	void treatsAnAddressThatDoesNotParseAsPermanent() {
		assertThat(SmtpFailures.permanentReason(new AddressException("Illegal address", "a b@@example"))).isPresent();
	}

	private static MailSendException sent(Exception failure) {
		return new MailSendException(Map.<Object, Exception>of(new Object(), failure));
	}

}
