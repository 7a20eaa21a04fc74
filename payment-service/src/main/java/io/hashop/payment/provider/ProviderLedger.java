package io.hashop.payment.provider;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The provider's durable idempotency record in {@code provider_charges}, shared by every
 * instance. Each write runs in a transaction of its own ({@code REQUIRES_NEW}) that
 * commits before the call returns: like a real provider's, the record does not depend on
 * what the caller's transaction does next.
 */
class ProviderLedger {

	/** Bounds every wait on a concurrent charge of the same key. */
	private static final int TIMEOUT_SECONDS = 10;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	ProviderLedger(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.ownTransaction.setTimeout(TIMEOUT_SECONDS);
	}

	/**
	 * A charge recorded under a key, and whether this call recorded it.
	 */
	record Recorded(ChargeOutcome outcome, boolean charged) {

	}

	/**
	 * Records the charge unless the key has one, then reads the key's charge; a
	 * concurrent call with the same key waits for the first one's commit and then reads
	 * its charge. Committed when this returns.
	 */
	Recorded recordOnce(String idempotencyKey, long amountCents, String currency, ChargeOutcome decision) {
		return this.ownTransaction.execute((status) -> {
			boolean charged = this.jdbc.sql("""
					INSERT INTO provider_charges (idempotency_key, amount_cents, currency, authorized,
					                              provider_reference, decline_reason)
					VALUES (:key, :amount, :currency, :authorized, :reference, :declineReason)
					ON CONFLICT (idempotency_key) DO NOTHING
					""")
				.param("key", idempotencyKey)
				.param("amount", amountCents)
				.param("currency", currency)
				.param("authorized", decision.authorized())
				.param("reference", decision.reference())
				.param("declineReason", decision.declineReason())
				.update() == 1;
			ChargeOutcome outcome = this.jdbc.sql("""
					SELECT authorized, provider_reference, decline_reason FROM provider_charges
					WHERE idempotency_key = :key
					""").param("key", idempotencyKey).query(ProviderLedger::outcome).single();
			return new Recorded(outcome, charged);
		});
	}

	/** How many charges were ever recorded. */
	long count() {
		return this.jdbc.sql("SELECT count(*) FROM provider_charges").query(Long.class).single();
	}

	private static ChargeOutcome outcome(ResultSet row, int rowNum) throws SQLException {
		return new ChargeOutcome(row.getBoolean("authorized"), row.getString("provider_reference"),
				row.getString("decline_reason"));
	}

}
