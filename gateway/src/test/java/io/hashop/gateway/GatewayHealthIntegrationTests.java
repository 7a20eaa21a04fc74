package io.hashop.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.hashop.devinfra.test.WithTestRedis;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Health with no BFF anywhere: the gateway's own health does not depend on the BFF. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0",
				"hashop.gateway.load-balancer.instances=http://127.0.0.1:1,http://127.0.0.1:9" })
@WithTestRedis
class GatewayHealthIntegrationTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void answersHealthProbesOnTheMainPort() throws Exception {
		for (String path : List.of("/healthz", "/livez", "/readyz")) {
			HttpResponse<String> response = get(this.port, path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.body()).as(path).contains("\"UP\"");
		}
	}

	@Test
	void servesMetricsOnlyOnTheManagementPort() throws Exception {
		assertThat(get(this.managementPort, "/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
		assertThat(get(this.port, "/actuator/prometheus").statusCode()).isEqualTo(404);
		assertThat(get(this.port, "/actuator/health").statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
