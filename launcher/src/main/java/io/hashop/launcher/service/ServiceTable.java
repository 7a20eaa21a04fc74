package io.hashop.launcher.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every process the launcher starts, in start order: the one place to add a service or a
 * replica.
 */
public final class ServiceTable {

	/** Small heaps and a quick JIT: five JVMs must fit on a laptop and start fast. */
	public static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
			"-Xshare:auto",
			// Netty (gRPC, Reactor Netty) uses native access; JDK 24+ warns at start
			// without this.
			"--enable-native-access=ALL-UNNAMED");

	/** Every service once, without the addresses of the others. */
	private static final List<ServiceSpec> BASE = List.of(
			ServiceSpec.of("user-service", 1, 8082, 9182).withGrpcPort(9092).withDatabase("users").withAdmin(),
			ServiceSpec.of("order-service", 1, 8083, 9183).withGrpcPort(9093).withDatabase("orders"),
			ServiceSpec.of("payment-service", 1, 8084, 9184).withDatabase("payments"),
			ServiceSpec.of("bff-web", 2, 8081, 9181), ServiceSpec.of("gateway", 3, 8080, 9180));

	/**
	 * The instances {@code ./run-local.sh} runs by default: two of everything behind one
	 * gateway, so that any instance can die while the platform keeps serving.
	 */
	public static final Map<String, Integer> DEFAULT_REPLICAS = Map.of("user-service", 2, "order-service", 2,
			"payment-service", 2, "bff-web", 2, "gateway", 1);

	/** One instance of each service, wired together. */
	public static final List<ServiceSpec> SERVICES = plan(Map.of());

	private ServiceTable() {
	}

	/** The module names, in start order. */
	public static List<String> modules() {
		return BASE.stream().map(ServiceSpec::module).toList();
	}

	/**
	 * Every instance to run, in start order: replica {@code n} of a service is named
	 * {@code <service>-<n>} with its ports shifted by {@code 100 * (n - 1)}; each caller
	 * is given the addresses of all instances of its downstreams (the BFF balances over
	 * the services, the gateway over the BFFs).
	 * @param replicas instances per module; a module not named runs once
	 */
	public static List<ServiceSpec> plan(Map<String, Integer> replicas) {
		return plan(replicas, 0);
	}

	/**
	 * {@link #plan(Map)} with every port shifted by {@code portOffset}, the addresses the
	 * callers are given included.
	 */
	public static List<ServiceSpec> plan(Map<String, Integer> replicas, int portOffset) {
		List<ServiceSpec> instances = new ArrayList<>();
		for (ServiceSpec service : BASE) {
			int count = replicas.getOrDefault(service.module(), 1);
			if (count < 1 || count > 9) {
				throw new LauncherException(
						"Replicas of " + service.module() + " must be between 1 and 9, not " + count + ".");
			}
			for (int n = 1; n <= count; n++) {
				instances.add(((n == 1) ? service : service.replica(n)).shifted(portOffset));
			}
		}
		return instances.stream().map((instance) -> wire(instance, instances)).toList();
	}

	private static ServiceSpec wire(ServiceSpec instance, List<ServiceSpec> instances) {
		return switch (instance.module()) {
			case "bff-web" ->
				instance.withEnvironment("USER_SERVICE_ADDRESS", "static://" + grpcAddresses(instances, "user-service"))
					.withEnvironment("ORDER_SERVICE_ADDRESS", "static://" + grpcAddresses(instances, "order-service"))
					.withEnvironment("PAYMENT_SERVICE_URLS", httpUrls(instances, "payment-service"));
			case "gateway" -> instance.withEnvironment("BFF_URLS", httpUrls(instances, "bff-web"));
			default -> instance;
		};
	}

	private static String grpcAddresses(List<ServiceSpec> instances, String module) {
		return String.join(",",
				instances.stream()
					.filter((instance) -> instance.module().equals(module))
					.map((instance) -> "localhost:" + instance.grpcPort().getAsInt())
					.toList());
	}

	private static String httpUrls(List<ServiceSpec> instances, String module) {
		return String.join(",",
				instances.stream()
					.filter((instance) -> instance.module().equals(module))
					.map((instance) -> "http://localhost:" + instance.serverPort())
					.toList());
	}

	/** The processes grouped by stage, lowest stage first. */
	public static List<List<ServiceSpec>> stages(List<ServiceSpec> services) {
		Map<Integer, List<ServiceSpec>> byStage = new TreeMap<>();
		for (ServiceSpec service : services) {
			byStage.computeIfAbsent(service.stage(), (stage) -> new ArrayList<>()).add(service);
		}
		return List.copyOf(byStage.values());
	}

	/** The entry point users open in the browser. */
	public static ServiceSpec gateway() {
		return BASE.stream().filter((service) -> service.name().equals("gateway")).findFirst().orElseThrow();
	}

	/** The databases the services need, created before they start. */
	public static List<String> databases(List<ServiceSpec> services) {
		return services.stream().flatMap((service) -> service.database().stream()).distinct().toList();
	}

}
