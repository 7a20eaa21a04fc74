package io.hashop.launcher.infrastructure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * An SMTP server on 127.0.0.1 that keeps every mail in memory (GreenMail): where
 * user-service's e-mails go when no real server is configured.
 */
public final class LocalMailServer implements AutoCloseable {

	private final GreenMail server;

	private final int port;

	LocalMailServer(int port) {
		this.port = port;
		this.server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
	}

	void start() {
		this.server.start();
	}

	public int port() {
		return this.port;
	}

	/** Every mail received so far, oldest first. */
	public List<ReceivedMail> received() {
		List<ReceivedMail> mails = new ArrayList<>();
		for (MimeMessage message : this.server.getReceivedMessages()) {
			mails.add(ReceivedMail.of(message));
		}
		return mails;
	}

	@Override
	public void close() {
		this.server.stop();
	}

	/**
	 * A received mail.
	 *
	 * @param recipients its recipients
	 * @param subject its subject
	 * @param body its text
	 * @param headers its headers, the last value of each
	 */
	public record ReceivedMail(List<String> recipients, String subject, String body, Map<String, String> headers) {

		static ReceivedMail of(MimeMessage message) {
			try {
				Address[] recipients = message.getAllRecipients();
				Map<String, String> headers = new LinkedHashMap<>();
				for (Header header : Collections.list(message.getAllHeaders())) {
					headers.put(header.getName(), header.getValue());
				}
				return new ReceivedMail(
						(recipients != null) ? Arrays.stream(recipients).map(Address::toString).toList() : List.of(),
						message.getSubject(), GreenMailUtil.getBody(message), headers);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException("Could not read a received mail", ex);
			}
		}

	}

}
