package io.hashop.user.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts in PostgreSQL; e-mail addresses are unique case-insensitively. */
@Repository
class AccountRepository {

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the account unless its e-mail is taken.
	 * @return whether the account was inserted
	 */
	boolean insertIfEmailFree(Account account) {
		return this.jdbc.sql("""
				INSERT INTO accounts (id, email, display_name, password_hash, role, created_at)
				VALUES (:id, :email, :displayName, :passwordHash, :role, :createdAt)
				ON CONFLICT ((lower(email))) DO NOTHING
				""")
			.param("id", account.id())
			.param("email", account.email())
			.param("displayName", account.displayName())
			.param("passwordHash", account.passwordHash())
			.param("role", account.role().name())
			.param("createdAt", java.sql.Timestamp.from(account.createdAt()))
			.update() == 1;
	}

	/**
	 * Replaces the password hash unless another writer replaced it since it was read.
	 * @return whether this call replaced it
	 */
	boolean replacePasswordHash(UUID id, String expectedHash, String newHash) {
		return this.jdbc.sql("""
				UPDATE accounts SET password_hash = :newHash WHERE id = :id AND password_hash = :expectedHash
				""").param("id", id).param("expectedHash", expectedHash).param("newHash", newHash).update() == 1;
	}

	Optional<Account> findByEmail(String email) {
		return this.jdbc.sql("SELECT * FROM accounts WHERE lower(email) = lower(:email)")
			.param("email", email)
			.query(AccountRepository::map)
			.optional();
	}

	Optional<Account> findById(UUID id) {
		return this.jdbc.sql("SELECT * FROM accounts WHERE id = :id")
			.param("id", id)
			.query(AccountRepository::map)
			.optional();
	}

	private static Account map(ResultSet row, int rowNum) throws SQLException {
		return new Account(row.getObject("id", UUID.class), row.getString("email"), row.getString("display_name"),
				row.getString("password_hash"), Account.Role.valueOf(row.getString("role")),
				row.getTimestamp("created_at").toInstant());
	}

}
