package io.hashop.gateway.routing;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;

import io.hashop.gateway.TestClock;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.DefaultRequest;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceEjectionsTests {

	private final TestClock clock = new TestClock();

	private final List<ServiceInstance> instances = BffInstances
		.from(List.of("http://10.0.0.2:8081", "http://10.0.0.1:8081", "http://10.0.0.3:8081"));

	private final InstanceEjections ejections = new InstanceEjections(Duration.ofSeconds(10), this.clock);

	@Test
	void offersEveryInstanceInAStableOrderWhenNoneIsEjected() {
		assertThat(this.ejections.available(this.instances)).extracting(ServiceInstance::getInstanceId)
			.containsExactly("10.0.0.1:8081", "10.0.0.2:8081", "10.0.0.3:8081");
	}

	@Test
	void skipsAnEjectedInstanceUntilTheEjectionPeriodEnds() {
		this.ejections.eject(this.instances.get(0));

		assertThat(this.ejections.available(this.instances)).doesNotContain(this.instances.get(0)).hasSize(2);
		this.clock.advance(Duration.ofSeconds(9));
		assertThat(this.ejections.available(this.instances)).doesNotContain(this.instances.get(0));
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.ejections.available(this.instances)).contains(this.instances.get(0));
	}

	@Test
	void offersEveryInstanceAgainWhenAllAreEjected() {
		this.instances.forEach(this.ejections::eject);

		assertThat(this.ejections.available(this.instances)).hasSize(3);
	}

	@Test
	void ejectsNothingWithAZeroPeriod() {
		InstanceEjections disabled = new InstanceEjections(Duration.ZERO, this.clock);
		disabled.eject(this.instances.get(0));

		assertThat(disabled.available(this.instances)).hasSize(3);
	}

	@Test
	void ejectsTheChosenInstanceOnlyWhenTheConnectionFailed() {
		ConnectFailureLifecycle lifecycle = new ConnectFailureLifecycle(this.ejections);
		DefaultRequest<RequestDataContext> request = new DefaultRequest<>(new RequestDataContext());

		lifecycle.onComplete(new CompletionContext<>(CompletionContext.Status.FAILED,
				new IllegalStateException("read timed out"), request, new DefaultResponse(this.instances.get(1))));
		lifecycle.onComplete(new CompletionContext<>(CompletionContext.Status.FAILED,
				new ConnectException("Connection refused"), request, new DefaultResponse(this.instances.get(2))));

		assertThat(this.ejections.available(this.instances)).containsExactly(this.instances.get(1),
				this.instances.get(0));
	}

	@Test
	void filtersTheDelegatesInstances() {
		EjectingInstanceListSupplier supplier = new EjectingInstanceListSupplier(ServiceInstanceListSuppliers
			.from(BffInstances.SERVICE_ID, this.instances.toArray(new ServiceInstance[0])), this.ejections);
		this.ejections.eject(this.instances.get(2));

		assertThat(supplier.get().blockFirst()).containsExactly(this.instances.get(1), this.instances.get(0));
	}

}
