package io.hashop.launcher.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.hashop.launcher.infrastructure.KafkaStep;
import io.hashop.launcher.infrastructure.MailStep;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceEnvironmentTests {

	private static final Map<String, String> INFRASTRUCTURE = Map.of("DATABASE_HOST", "localhost", "DATABASE_PORT",
			"15432", "DATABASE_USERNAME", "postgres", "DATABASE_PASSWORD", "secret", "REDIS_HOST", "localhost",
			"REDIS_PORT", "16379");

	private static final Secrets SECRETS = new Secrets("token-secret", "admin@hashop.local", "Passw0rd");

	@Test
	void userServiceGetsItsDatabaseGrpcPortAndTheAdmin() {
		Map<String, String> env = build("user-service");
		assertThat(env).containsEntry("DATABASE_NAME", "users")
			.containsEntry("DATABASE_HOST", "localhost")
			.containsEntry("DATABASE_PORT", "15432")
			.containsEntry("REDIS_PORT", "16379")
			.containsEntry("INTERNAL_TOKEN_SECRET", "token-secret")
			.containsEntry("SERVER_PORT", "8082")
			.containsEntry("MANAGEMENT_PORT", "9182")
			.containsEntry("GRPC_PORT", "9092")
			.containsEntry("ADMIN_EMAIL", "admin@hashop.local")
			.containsEntry("ADMIN_PASSWORD", "Passw0rd")
			.doesNotContainKey("KAFKA_BOOTSTRAP_SERVERS");
	}

	@Test
	void onlyUserServiceGetsTheAdmin() {
		assertThat(build("order-service")).containsEntry("DATABASE_NAME", "orders")
			.containsEntry("GRPC_PORT", "9093")
			.doesNotContainKeys("ADMIN_EMAIL", "ADMIN_PASSWORD");
		assertThat(build("payment-service")).containsEntry("DATABASE_NAME", "payments")
			.containsEntry("SERVER_PORT", "8084")
			.doesNotContainKey("GRPC_PORT");
	}

	@Test
	void bffWebFindsTheServices() {
		assertThat(build("bff-web")).containsEntry("SERVER_PORT", "8081")
			.containsEntry("MANAGEMENT_PORT", "9181")
			.containsEntry("USER_SERVICE_ADDRESS", "static://localhost:9092")
			.containsEntry("ORDER_SERVICE_ADDRESS", "static://localhost:9093")
			.containsEntry("PAYMENT_SERVICE_URLS", "http://localhost:8084")
			.containsEntry("DATABASE_HOST", "localhost")
			.doesNotContainKeys("DATABASE_NAME", "GRPC_PORT");
	}

	@Test
	void gatewayFindsTheBff() {
		assertThat(build("gateway")).containsEntry("SERVER_PORT", "8080")
			.containsEntry("MANAGEMENT_PORT", "9180")
			.containsEntry("BFF_URLS", "http://localhost:8081")
			.containsEntry("INTERNAL_TOKEN_SECRET", "token-secret")
			.doesNotContainKeys("DATABASE_NAME", "GRPC_PORT", "ADMIN_PASSWORD");
	}

	@Test
	void passesKafkaThroughWhenKnown() {
		Map<String, String> infrastructure = new HashMap<>(INFRASTRUCTURE);
		infrastructure.putAll(new KafkaStep(Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9092"), () -> {
			throw new AssertionError("No local broker is started for an external one");
		}).start());
		assertThat(ServiceEnvironment.build(service("gateway"), infrastructure, SECRETS))
			.containsEntry("KAFKA_BOOTSTRAP_SERVERS", "broker:9092");
	}

	@Test
	void replicasShiftEveryPortAndShareTheDatabase() {
		ServiceSpec second = service("order-service").replica(2);
		assertThat(second.name()).isEqualTo("order-service-2");
		assertThat(second.module()).isEqualTo("order-service");
		assertThat(second.serverPort()).isEqualTo(8183);
		assertThat(second.managementPort()).isEqualTo(9283);
		assertThat(second.grpcPort()).hasValue(9193);
		assertThat(second.database()).hasValue("orders");
	}

	@Test
	void usesAnExternalMailServerWhenNamed() {
		assertThat(new MailStep(Map.of("SMTP_HOST", "mail.example.com", "SMTP_PORT", "587"), 1).start())
			.containsEntry("SMTP_HOST", "mail.example.com")
			.containsEntry("SMTP_PORT", "587");
	}

	@Test
	void everyVariableTheLauncherSetsIsManaged() {
		for (ServiceSpec service : ServiceTable.SERVICES) {
			Map<String, String> infrastructure = new HashMap<>(INFRASTRUCTURE);
			infrastructure.put("KAFKA_BOOTSTRAP_SERVERS", "broker:9092");
			infrastructure.put("SMTP_HOST", "127.0.0.1");
			infrastructure.put("SMTP_PORT", "11025");
			assertThat(ServiceEnvironment.build(service, infrastructure, SECRETS).keySet())
				.isSubsetOf(ServiceEnvironment.MANAGED);
		}
	}

	@Test
	void applyDropsInheritedManagedVariablesButKeepsTheRest() {
		Map<String, String> inherited = new HashMap<>(
				Map.of("PATH", "/usr/bin", "GRPC_PORT", "1234", "DATABASE_NAME", "mine", "SERVER_PORT", "1"));
		ServiceEnvironment.apply(inherited, build("gateway"));
		assertThat(inherited).containsEntry("PATH", "/usr/bin")
			.containsEntry("SERVER_PORT", "8080")
			.doesNotContainKeys("GRPC_PORT", "DATABASE_NAME");
	}

	@Test
	void tableStartsBusinessServicesThenBffThenGateway() {
		assertThat(ServiceTable.stages(ServiceTable.SERVICES))
			.extracting((stage) -> stage.stream().map(ServiceSpec::name).toList())
			.containsExactly(List.of("user-service", "order-service", "payment-service"), List.of("bff-web"),
					List.of("gateway"));
		assertThat(ServiceTable.databases(ServiceTable.SERVICES)).containsExactly("users", "orders", "payments");
		assertThat(ServiceTable.gateway().serverPort()).isEqualTo(8080);
	}

	@Test
	void everyCallerIsGivenEveryInstanceOfItsDownstreams() {
		List<ServiceSpec> plan = ServiceTable.plan(ServiceTable.DEFAULT_REPLICAS);
		assertThat(plan).extracting(ServiceSpec::name)
			.containsExactly("user-service", "user-service-2", "order-service", "order-service-2", "payment-service",
					"payment-service-2", "bff-web", "bff-web-2", "gateway");
		ServiceSpec secondBff = plan.stream()
			.filter((spec) -> spec.name().equals("bff-web-2"))
			.findFirst()
			.orElseThrow();
		assertThat(secondBff.environment())
			.containsEntry("USER_SERVICE_ADDRESS", "static://localhost:9092,localhost:9192")
			.containsEntry("ORDER_SERVICE_ADDRESS", "static://localhost:9093,localhost:9193")
			.containsEntry("PAYMENT_SERVICE_URLS", "http://localhost:8084,http://localhost:8184");
		assertThat(plan.get(plan.size() - 1).environment()).containsEntry("BFF_URLS",
				"http://localhost:8081,http://localhost:8181");
	}

	@Test
	void aPortOffsetShiftsEveryPortAndEveryAddressTheCallersAreGiven() {
		List<ServiceSpec> plan = ServiceTable.plan(Map.of("bff-web", 2), 20000);
		ServiceSpec bff = plan.stream().filter((spec) -> spec.name().equals("bff-web")).findFirst().orElseThrow();
		assertThat(bff.serverPort()).isEqualTo(28081);
		assertThat(bff.managementPort()).isEqualTo(29181);
		assertThat(bff.environment()).containsEntry("USER_SERVICE_ADDRESS", "static://localhost:29092");
		assertThat(plan.get(plan.size() - 1).environment()).containsEntry("BFF_URLS",
				"http://localhost:28081,http://localhost:28181");
	}

	@Test
	void tableNamesAndPortsAreUniqueWithReplicas() {
		List<ServiceSpec> services = ServiceTable
			.plan(Map.of("user-service", 3, "order-service", 3, "payment-service", 3, "bff-web", 3, "gateway", 3));
		assertThat(services).extracting(ServiceSpec::name).doesNotHaveDuplicates();
		List<Integer> ports = services.stream()
			.flatMap((service) -> Stream.concat(Stream.of(service.serverPort(), service.managementPort()),
					service.grpcPort().stream().boxed()))
			.toList();
		assertThat(ports).doesNotHaveDuplicates();
	}

	private static Map<String, String> build(String name) {
		return ServiceEnvironment.build(service(name), INFRASTRUCTURE, SECRETS);
	}

	private static ServiceSpec service(String name) {
		return ServiceTable.SERVICES.stream()
			.filter((service) -> service.name().equals(name))
			.findFirst()
			.orElseThrow();
	}

}
