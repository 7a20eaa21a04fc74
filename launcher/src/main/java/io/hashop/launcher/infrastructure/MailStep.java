package io.hashop.launcher.infrastructure;

import java.util.Map;
import java.util.Optional;

/**
 * SMTP for user-service's e-mails: the server named by {@code SMTP_HOST} (and
 * {@code SMTP_PORT}), or else a {@link LocalMailServer}.
 */
public final class MailStep implements InfrastructureStep {

	private final Map<String, String> env;

	private final int localPort;

	private LocalMailServer server;

	public MailStep(Map<String, String> env, int localPort) {
		this.env = env;
		this.localPort = localPort;
	}

	@Override
	public Map<String, String> start() {
		String host = this.env.get("SMTP_HOST");
		if (host != null && !host.isBlank()) {
			return Map.of("SMTP_HOST", host, "SMTP_PORT", this.env.getOrDefault("SMTP_PORT", "25"));
		}
		this.server = new LocalMailServer(this.localPort);
		this.server.start();
		return Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(this.localPort));
	}

	public Optional<LocalMailServer> server() {
		return Optional.ofNullable(this.server);
	}

	@Override
	public String description() {
		return (this.server != null) ? "SMTP 127.0.0.1:" + this.localPort + " (local, mails kept in memory)"
				: "SMTP " + this.env.get("SMTP_HOST") + " (external)";
	}

	@Override
	public void close() {
		if (this.server != null) {
			Infrastructure.quietly("the mail server", this.server::close);
		}
	}

}
