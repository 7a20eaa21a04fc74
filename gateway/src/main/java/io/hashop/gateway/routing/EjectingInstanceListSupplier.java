package io.hashop.gateway.routing;

import java.util.List;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

/** Offers the delegate's instances minus the passively ejected ones. */
class EjectingInstanceListSupplier extends DelegatingServiceInstanceListSupplier {

	private final InstanceEjections ejections;

	EjectingInstanceListSupplier(ServiceInstanceListSupplier delegate, InstanceEjections ejections) {
		super(delegate);
		this.ejections = ejections;
	}

	@Override
	public Flux<List<ServiceInstance>> get() {
		return this.delegate.get().map(this.ejections::available);
	}

	@Override
	@SuppressWarnings("rawtypes")
	public Flux<List<ServiceInstance>> get(Request request) {
		return this.delegate.get(request).map(this.ejections::available);
	}

}
