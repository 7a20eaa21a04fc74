package io.hashop.bench.minimalgateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring Cloud Gateway as it comes: one route from {@code /api/**} to {@code UPSTREAM},
 * none of the platform's filters, no actuator. Benchmark S1 runs it beside the real
 * gateway to tell what the framework costs from what the platform adds.
 */
@SpringBootApplication
public class MinimalGatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(MinimalGatewayApplication.class, args);
	}

}
