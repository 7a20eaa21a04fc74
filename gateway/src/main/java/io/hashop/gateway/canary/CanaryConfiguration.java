package io.hashop.gateway.canary;

import java.time.Clock;

import io.hashop.gateway.client.ClientResolver;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CanaryConfiguration {

	@Bean
	CanaryGuard canaryGuard(CanaryProperties properties, MeterRegistry meters) {
		return new CanaryGuard(properties, Clock.systemUTC(), meters);
	}

	@Bean
	PoolMetrics poolMetrics(MeterRegistry meters) {
		return new PoolMetrics(meters);
	}

	@Bean
	CanaryRouter canaryRouter(CanaryProperties properties, CanaryGuard guard, PoolMetrics metrics,
			ClientResolver clients) {
		return new CanaryRouter(properties, guard, metrics, clients);
	}

}
