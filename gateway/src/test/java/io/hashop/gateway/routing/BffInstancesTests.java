package io.hashop.gateway.routing;

import java.util.List;

import io.hashop.gateway.canary.Pool;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.client.ServiceInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BffInstancesTests {

	@Test
	void readsACommaSeparatedListWithDefaultPorts() {
		List<ServiceInstance> instances = BffInstances
			.from(List.of("http://localhost:8081", " http://bff-web ", "https://bff.example.com", ""));

		assertThat(instances).extracting(ServiceInstance::getInstanceId)
			.containsExactly("localhost:8081", "bff-web:80", "bff.example.com:443");
		assertThat(instances).extracting(ServiceInstance::isSecure).containsExactly(false, false, true);
		assertThat(instances).extracting(ServiceInstance::getServiceId).containsOnly("bff-web");
	}

	@Test
	void namesEachPoolAsItsLoadBalancerClient() {
		assertThat(BffInstances.from(Pool.CANARY.serviceId(), List.of("http://canary:8081")))
			.extracting(ServiceInstance::getServiceId)
			.containsExactly(BffInstances.CANARY_SERVICE_ID);
		assertThat(Pool.STABLE.serviceId()).isEqualTo(BffInstances.SERVICE_ID);
	}

	@Test
	void rejectsAnythingButAnHttpUrlWithAHost() {
		assertThatIllegalArgumentException().isThrownBy(() -> BffInstances.from(List.of("localhost:8081")));
		assertThatIllegalArgumentException().isThrownBy(() -> BffInstances.from(List.of("ftp://bff:21")));
	}

}
