package io.hashop.user.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.protobuf.Message;
import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.hashop.contracts.Topics;
import io.hashop.contracts.payment.v1.PaymentAuthorizedEvent;
import io.hashop.contracts.payment.v1.PaymentDeclinedEvent;
import io.hashop.devinfra.test.WithTestDatabase;
import io.hashop.devinfra.test.WithTestKafka;
import io.hashop.platform.kafka.EventHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(properties = { "spring.grpc.server.port=0", "server.port=0", "management.server.port=0",
		"platform.identity.secret=test-secret-test-secret-test-secret-0123",
		"platform.kafka.retry.max-interval=500ms" })
@WithTestDatabase
@WithTestKafka
class OrderOutcomeMailIntegrationTests {

	static final int SMTP_PORT = freePort();

	static GreenMail smtp;

	/**
	 * Recipients the SMTP server answers {@code 550} at {@code RCPT TO}, with a count.
	 */
	static final Map<String, AtomicInteger> rejectedRecipients = new ConcurrentHashMap<>();

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@BeforeAll
	static void startSmtp() {
		smtp = startSmtpServer();
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@Test
	void sendsOneMailPerOrderOutcomeWhateverIsRedelivered() throws Exception {
		String email = account();
		PaymentAuthorizedEvent paid = authorized(userOf(email), 2_490);
		UUID eventId = UUID.randomUUID();

		for (int i = 0; i < 3; i++) {
			send(paid.getOrderId(), eventId, paid);
		}
		send(paid.getOrderId(), UUID.randomUUID(), paid);

		await().untilAsserted(() -> assertThat(mailsAbout(paid.getOrderId())).hasSize(1));
		await().untilAsserted(() -> assertThat(handledEvents(paid.getOrderId())).isEqualTo(1));
		MimeMessage mail = mailsAbout(paid.getOrderId()).get(0);
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(email);
		assertThat(mail.getSubject()).contains("is paid");
		assertThat(mail.getHeader(OrderOutcomeNotifier.NOTIFICATION_HEADER)[0]).isEqualTo(paid.getOrderId() + "/PAID");
	}

	@Test
	void sendsADeclineMail() throws Exception {
		String email = account();
		PaymentDeclinedEvent declined = PaymentDeclinedEvent.newBuilder()
			.setOrderId(UUID.randomUUID().toString())
			.setUserId(userOf(email).toString())
			.setAmountCents(747_000)
			.setCurrency("EUR")
			.setReason("AMOUNT_ABOVE_LIMIT")
			.build();

		send(declined.getOrderId(), UUID.randomUUID(), declined);

		await().untilAsserted(() -> assertThat(mailsAbout(declined.getOrderId())).hasSize(1));
		assertThat(mailsAbout(declined.getOrderId()).get(0).getSubject()).contains("declined");
	}

	@Test
	void skipsAUserWithoutAccountWithoutBlockingOthers() {
		PaymentAuthorizedEvent stranger = authorized(UUID.randomUUID(), 590);
		PaymentAuthorizedEvent known = authorized(userOf(account()), 590);

		send(stranger.getOrderId(), UUID.randomUUID(), stranger);
		send(known.getOrderId(), UUID.randomUUID(), known);

		await().untilAsserted(() -> assertThat(mailsAbout(known.getOrderId())).hasSize(1));
		await().untilAsserted(() -> assertThat(this.jdbc.sql("SELECT status FROM sent_notifications WHERE order_id = ?")
			.param(UUID.fromString(stranger.getOrderId()))
			.query(String.class)
			.list()).containsExactly("NO_ACCOUNT"));
		assertThat(mailsAbout(stranger.getOrderId())).isEmpty();
	}

	@Test
	void retriesWhileTheSmtpServerIsDownThenSendsOnce() {
		PaymentAuthorizedEvent paid = authorized(userOf(account()), 1_450);
		smtp.stop();
		try {
			send(paid.getOrderId(), UUID.randomUUID(), paid);
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(5))
				.until(() -> handledEvents(paid.getOrderId()) == 0);
		}
		finally {
			smtp = startSmtpServer();
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(mailsAbout(paid.getOrderId())).hasSize(1));
	}

	@Test
	void parksAMailTheServerRejectsForGoodWithoutBlockingTheNextOnesOfItsPartition() {
		String rejected = account();
		rejectedRecipients.put(rejected, new AtomicInteger());
		PaymentAuthorizedEvent bounced = authorized(userOf(rejected), 990);
		PaymentAuthorizedEvent next = authorized(userOf(account()), 1_990);
		PaymentDeclinedEvent later = PaymentDeclinedEvent.newBuilder()
			.setOrderId(UUID.randomUUID().toString())
			.setUserId(userOf(account()).toString())
			.setAmountCents(900_000)
			.setCurrency("EUR")
			.setReason("AMOUNT_ABOVE_LIMIT")
			.build();

		send(0, bounced.getOrderId(), UUID.randomUUID(), bounced);
		send(0, next.getOrderId(), UUID.randomUUID(), next);
		send(0, later.getOrderId(), UUID.randomUUID(), later);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(mailsAbout(next.getOrderId())).hasSize(1);
			assertThat(mailsAbout(later.getOrderId())).hasSize(1);
		});
		assertThat(rejectedRecipients.get(rejected)).hasValue(1);
		assertThat(mailsAbout(bounced.getOrderId())).isEmpty();
		assertThat(this.jdbc.sql("""
				SELECT status || ' ' || attempts || ' ' || failure_reason FROM sent_notifications WHERE order_id = ?
				""").param(UUID.fromString(bounced.getOrderId())).query(String.class).single()).startsWith("PARKED 1 ")
			.contains("550");
		assertThat(this.meters.counter("hashop.notifications.parked", "outcome", "PAID").count()).isEqualTo(1);
	}

	private String account() {
		UUID id = UUID.randomUUID();
		String email = "user-" + id + "@example.com";
		this.jdbc.sql("""
				INSERT INTO accounts (id, email, display_name, password_hash, role, created_at)
				VALUES (?, ?, 'Test', 'not-a-hash', 'USER', ?)
				""").params(id, email, Timestamp.from(Instant.now())).update();
		return email;
	}

	private UUID userOf(String email) {
		return this.jdbc.sql("SELECT id FROM accounts WHERE email = ?").param(email).query(UUID.class).single();
	}

	private static PaymentAuthorizedEvent authorized(UUID userId, long amountCents) {
		return PaymentAuthorizedEvent.newBuilder()
			.setOrderId(UUID.randomUUID().toString())
			.setPaymentId(UUID.randomUUID().toString())
			.setUserId(userId.toString())
			.setAmountCents(amountCents)
			.setCurrency("EUR")
			.build();
	}

	private void send(String orderId, UUID eventId, Message event) {
		send(null, orderId, eventId, event);
	}

	private void send(Integer partition, String orderId, UUID eventId, Message event) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(EventHeaders.TYPE, event.getDescriptorForType().getFullName().getBytes(StandardCharsets.UTF_8));
		headers.add(EventHeaders.ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
		this.kafka.send(new ProducerRecord<>(Topics.PAYMENTS, partition, orderId, event.toByteArray(), headers));
	}

	private long handledEvents(String orderId) {
		return this.jdbc.sql("SELECT count(*) FROM sent_notifications WHERE order_id = ?")
			.param(UUID.fromString(orderId))
			.query(Long.class)
			.single();
	}

	private static List<MimeMessage> mailsAbout(String orderId) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((mail) -> {
			try {
				String[] header = mail.getHeader(OrderOutcomeNotifier.NOTIFICATION_HEADER);
				return header != null && header[0].startsWith(orderId);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static GreenMail startSmtpServer() {
		GreenMail server = new RejectingGreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	/**
	 * A real GreenMail SMTP server that answers {@code 550} to the recipients in
	 * {@link #rejectedRecipients}, as a mail server does for a mailbox that does not
	 * exist.
	 */
	static class RejectingGreenMail extends GreenMail {

		RejectingGreenMail(ServerSetup setup) {
			super(setup);
			this.managers = new RejectingManagers();
		}

	}

	static class RejectingManagers extends Managers {

		private final SmtpManager smtp = new SmtpManager(getImapHostManager(), getUserManager()) {

			@Override
			public String checkRecipient(SmtpState state, MailAddress recipient) {
				AtomicInteger rejections = rejectedRecipients.get(recipient.getEmail());
				if (rejections != null) {
					rejections.incrementAndGet();
					return "550 5.1.1 <" + recipient.getEmail() + ">: mailbox unavailable";
				}
				return super.checkRecipient(state, recipient);
			}

		};

		@Override
		public SmtpManager getSmtpManager() {
			return this.smtp;
		}

	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
