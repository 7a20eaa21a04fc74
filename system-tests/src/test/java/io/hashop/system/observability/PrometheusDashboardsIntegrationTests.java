package io.hashop.system.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.hashop.system.observability.DashboardQueries.DashboardQuery;
import io.hashop.system.support.PrometheusInstallation;
import io.hashop.system.support.PrometheusServer;
import io.hashop.system.support.SystemUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * deploy/ proven on a real Prometheus scraping the running platform while shoppers use
 * it: every service can be scraped as deploy/prometheus/prometheus.yml says, every
 * dashboard panel shows data, and every alert and recording rule evaluates.
 */
class PrometheusDashboardsIntegrationTests {

	private static final Path DEPLOY = Path.of(System.getProperty("hashop.repository.root", ".."))
		.toAbsolutePath()
		.normalize()
		.resolve("deploy");

	private static final Duration EVALUATION_INTERVAL = Duration.ofSeconds(2);

	private static SystemUnderTest system;

	private static LocalScrapeConfiguration scrape;

	private static PrometheusServer prometheus;

	private static Instant prometheusStarted;

	private static ShopTraffic traffic;

	@BeforeAll
	static void startPrometheusAndTraffic() throws IOException {
		// First: without Prometheus there is no reason to start the platform.
		Path binary = PrometheusInstallation.binary();
		system = SystemUnderTest.shared();
		scrape = new LocalScrapeConfiguration(DEPLOY.resolve("prometheus/prometheus.yml"));
		// Under target/, so that its log outlives a failure.
		Path workDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "prometheus-");
		prometheusStarted = Instant.now();
		prometheus = PrometheusServer.start(binary, scrape.writeTo(workDir, system.platform().processes()), workDir);
		traffic = new ShopTraffic(List.of(system.gatewayUrl(1), system.gatewayUrl(2)), system.adminEmail(),
				system.adminPassword())
			.start(Duration.ofSeconds(40));
	}

	@AfterAll
	static void stop() throws InterruptedException {
		if (traffic != null) {
			traffic.close();
		}
		if (prometheus != null) {
			prometheus.close();
		}
	}

	@Test
	void scrapesEveryInstanceAsDeployConfiguresItWithoutCredentials() {
		assertThat(scrape.job()).doesNotContainKeys("authorization", "basic_auth", "bearer_token", "bearer_token_file",
				"oauth2");
		Set<String> expected = system.platform()
			.processes()
			.stream()
			.map((process) -> process.module() + " 127.0.0.1:" + process.managementPort())
			.collect(Collectors.toSet());
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			JsonNode targets = prometheus.api("targets").get("data").get("activeTargets");
			assertThat(targets)
				.extracting((target) -> target.get("labels").get("service").asString() + " "
						+ target.get("labels").get("instance").asString())
				.containsExactlyInAnyOrderElementsOf(expected);
			assertThat(targets).allSatisfy((target) -> assertThat(target.get("health").asString())
				.as(target.get("scrapeUrl").asString() + ": " + target.get("lastError").asString())
				.isEqualTo("up"));
		});
	}

	@Test
	void answersEveryDashboardQueryWithData() throws IOException {
		List<DashboardQuery> queries = DashboardQueries.in(DEPLOY.resolve("grafana/dashboards"));
		assertThat(queries).isNotEmpty();
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(3))
			.untilAsserted(
					() -> assertThat(withoutData(queries)).as("queries without data (traffic: %s)", traffic).isEmpty());
	}

	@Test
	void evaluatesEveryRuleWithoutError() {
		// Two cycles after the start: every rule has met data, or the lack of it, twice.
		Instant twoCycles = prometheusStarted.plus(EVALUATION_INTERVAL.multipliedBy(2));
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> groups().stream()
				.allMatch((group) -> Instant.parse(group.get("lastEvaluation").asString()).isAfter(twoCycles)));
		List<JsonNode> rules = new ArrayList<>();
		groups().forEach((group) -> group.get("rules").forEach(rules::add));
		assertThat(rules).isNotEmpty().allSatisfy((rule) -> {
			String lastError = rule.path("lastError").asString("");
			assertThat(rule.get("health").asString()).as(rule.get("name").asString() + ": " + lastError)
				.isEqualTo("ok");
			assertThat(lastError).as(rule.get("name").asString()).isEmpty();
		});
	}

	private static List<JsonNode> groups() {
		List<JsonNode> groups = new ArrayList<>();
		prometheus.api("rules").get("data").get("groups").forEach(groups::add);
		assertThat(groups).as("rule groups loaded from alerts.yml").isNotEmpty();
		return groups;
	}

	/** The queries Prometheus rejects or answers with nothing, and why. */
	private static List<String> withoutData(List<DashboardQuery> queries) {
		List<String> failing = new ArrayList<>();
		for (DashboardQuery query : queries) {
			JsonNode answer = prometheus.query(query.expression());
			if (!"success".equals(answer.path("status").asString(""))) {
				failing.add(query + " -> " + answer.path("error").asString(""));
			}
			else if (answer.get("data").get("result").isEmpty()) {
				failing.add(query + " -> no data");
			}
		}
		return failing;
	}

}
