package io.hashop.system.observability;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.hashop.launcher.process.ServiceHandle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

/**
 * deploy/prometheus/prometheus.yml pointed at the local platform: its scrape job as it is
 * (path, scheme, labels, no credentials), with only each target's address replaced by the
 * local instances' management ports, and its alert rules loaded by absolute path.
 * Scraping and evaluating every 2 s keeps the test short.
 */
final class LocalScrapeConfiguration {

	static final String INTERVAL = "2s";

	private final Path deployed;

	private final Map<String, Object> job;

	@SuppressWarnings("unchecked")
	LocalScrapeConfiguration(Path deployed) throws IOException {
		this.deployed = deployed;
		try (Reader reader = Files.newBufferedReader(deployed)) {
			Map<String, Object> config = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
			this.job = ((List<Map<String, Object>>) config.get("scrape_configs")).stream()
				.filter((candidate) -> !serviceTargets(candidate).isEmpty())
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(deployed + " has no job with service labels"));
		}
	}

	/** The deployed scrape job, untouched. */
	Map<String, Object> job() {
		return this.job;
	}

	/** Writes the local configuration and returns its path. */
	Path writeTo(Path directory, List<ServiceHandle> processes) throws IOException {
		Map<String, Object> local = new LinkedHashMap<>(this.job);
		local.put("static_configs",
				serviceTargets(this.job).stream().map((target) -> local(target, processes)).toList());
		Path alerts = this.deployed.resolveSibling("alerts.yml").toAbsolutePath();
		Map<String, Object> config = Map.of("global",
				Map.of("scrape_interval", INTERVAL, "evaluation_interval", INTERVAL), "rule_files",
				List.of(alerts.toString()), "scrape_configs", List.of(local));
		// JSON is YAML: Prometheus reads it as it is.
		Path file = directory.resolve("prometheus.yml");
		Files.writeString(file, JsonMapper.builder().build().writeValueAsString(config));
		return file;
	}

	/** The same labels, the local instances of that service as targets. */
	private static Map<String, Object> local(Map<String, Object> deployedTarget, List<ServiceHandle> processes) {
		String service = service(deployedTarget);
		List<String> addresses = new ArrayList<>();
		for (ServiceHandle process : processes) {
			if (process.module().equals(service)) {
				addresses.add("127.0.0.1:" + process.managementPort());
			}
		}
		if (addresses.isEmpty()) {
			throw new IllegalStateException("No local instance of " + service);
		}
		Map<String, Object> target = new LinkedHashMap<>(deployedTarget);
		target.put("targets", addresses);
		return target;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> serviceTargets(Map<String, Object> job) {
		List<Map<String, Object>> targets = (List<Map<String, Object>>) job.getOrDefault("static_configs", List.of());
		return targets.stream().filter((target) -> service(target) != null).toList();
	}

	@SuppressWarnings("unchecked")
	private static String service(Map<String, Object> target) {
		Map<String, Object> labels = (Map<String, Object>) target.getOrDefault("labels", Map.of());
		return (String) labels.get("service");
	}

}
