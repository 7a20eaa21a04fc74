package io.hashop.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every process the launcher starts, in start order: the one place to add a service or a
 * replica.
 */
final class ServiceTable {

	/** Small heaps and a quick JIT: five JVMs must fit on a laptop and start fast. */
	static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
			"-Xshare:auto",
			// Netty (gRPC, Reactor Netty) uses native access; JDK 24+ warns at start
			// without this.
			"--enable-native-access=ALL-UNNAMED");

	static final List<ServiceSpec> SERVICES = List.of(
			ServiceSpec.of("user-service", 1, 8082, 9182).withGrpcPort(9092).withDatabase("users").withAdmin(),
			ServiceSpec.of("order-service", 1, 8083, 9183).withGrpcPort(9093).withDatabase("orders"),
			ServiceSpec.of("payment-service", 1, 8084, 9184).withDatabase("payments"),
			ServiceSpec.of("bff-web", 2, 8081, 9181)
				.withEnvironment("USER_SERVICE_ADDRESS", "static://localhost:9092")
				.withEnvironment("ORDER_SERVICE_ADDRESS", "static://localhost:9093")
				.withEnvironment("PAYMENT_SERVICE_URL", "http://localhost:8084"),
			ServiceSpec.of("gateway", 3, 8080, 9180).withEnvironment("BFF_URLS", "http://localhost:8081"));

	private ServiceTable() {
	}

	/** The processes grouped by stage, lowest stage first. */
	static List<List<ServiceSpec>> stages(List<ServiceSpec> services) {
		Map<Integer, List<ServiceSpec>> byStage = new TreeMap<>();
		for (ServiceSpec service : services) {
			byStage.computeIfAbsent(service.stage(), (stage) -> new ArrayList<>()).add(service);
		}
		return List.copyOf(byStage.values());
	}

	/** The entry point users open in the browser. */
	static ServiceSpec gateway() {
		return SERVICES.stream().filter((service) -> service.name().equals("gateway")).findFirst().orElseThrow();
	}

	/** The databases the services need, created before they start. */
	static List<String> databases(List<ServiceSpec> services) {
		return services.stream().flatMap((service) -> service.database().stream()).distinct().toList();
	}

}
