package io.hashop.system.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every panel query of every Grafana dashboard in a directory, rows' panels included,
 * with Grafana's variables replaced as a user looking at the last five minutes would have
 * them.
 */
final class DashboardQueries {

	/** The applications a dashboard's {@code $application} variable lists. */
	private static final List<String> APPLICATIONS = List.of("gateway", "bff-web", "user-service", "order-service",
			"payment-service");

	private DashboardQueries() {
	}

	/** One query as Prometheus would receive it, and where it comes from. */
	record DashboardQuery(String dashboard, String panel, String expression) {

		@Override
		public String toString() {
			return this.dashboard + " / " + this.panel + ": " + this.expression;
		}

	}

	static List<DashboardQuery> in(Path directory) throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		List<DashboardQuery> queries = new ArrayList<>();
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".json")).sorted().toList()) {
				collect(file.getFileName().toString(), json.readTree(Files.readString(file)).get("panels"), queries);
			}
		}
		return queries;
	}

	private static void collect(String dashboard, JsonNode panels, List<DashboardQuery> queries) {
		if (panels == null) {
			return;
		}
		for (JsonNode panel : panels) {
			String title = panel.path("title").asString("");
			for (JsonNode target : panel.path("targets")) {
				String expression = target.path("expr").asString("");
				if (!expression.isBlank()) {
					expand(expression).forEach((e) -> queries.add(new DashboardQuery(dashboard, title, e)));
				}
			}
			// A collapsed row keeps its panels inside it.
			collect(dashboard, panel.get("panels"), queries);
		}
	}

	/**
	 * Grafana's interval variables at their values for a five-minute range; a regex match
	 * on {@code $application} is "All", an exact one is tried with each application.
	 */
	static List<String> expand(String expression) {
		String fixed = expression.replace("$__rate_interval", "1m")
			.replace("$__range", "5m")
			.replace("=~\"$application\"", "=~\".+\"");
		if (!fixed.contains("$application")) {
			return List.of(fixed);
		}
		return APPLICATIONS.stream().map((application) -> fixed.replace("$application", application)).toList();
	}

}
