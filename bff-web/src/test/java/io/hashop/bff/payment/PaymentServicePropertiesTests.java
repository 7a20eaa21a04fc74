package io.hashop.bff.payment;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.client.ServiceInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PaymentServicePropertiesTests {

	@Test
	void makesOneServiceInstancePerBaseUrl() {
		List<ServiceInstance> instances = new PaymentServiceProperties(
				List.of("http://localhost:8084", " http://localhost:8184/", "https://payments.example"), true)
			.serviceInstances();

		assertThat(instances).extracting(ServiceInstance::getInstanceId)
			.containsExactly("localhost:8084", "localhost:8184", "payments.example:443");
		assertThat(instances).extracting(ServiceInstance::getServiceId).containsOnly("payment-service");
		assertThat(instances.get(2).isSecure()).isTrue();
	}

	@Test
	void rejectsAUrlThatIsNotAnHttpBaseUrlNamingIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PaymentServiceProperties(List.of("http://localhost:8084/payments"), true))
			.withMessageContaining("/payments");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PaymentServiceProperties(List.of("localhost:8084"), true));
	}

}
