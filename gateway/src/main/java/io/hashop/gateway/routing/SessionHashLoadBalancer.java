package io.hashop.gateway.routing;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.client.loadbalancer.EmptyResponse;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.loadbalancer.core.NoopServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ReactorServiceInstanceLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

/**
 * Sticky routing by session: the instance is chosen by rendezvous hashing of the session
 * cookie over the available instances, so every gateway instance picks the same one, and
 * when an instance leaves or returns only its own sessions move. Requests without a
 * session cookie go to the fallback (round-robin).
 */
class SessionHashLoadBalancer implements ReactorServiceInstanceLoadBalancer {

	private final ObjectProvider<ServiceInstanceListSupplier> suppliers;

	private final ReactorServiceInstanceLoadBalancer withoutSession;

	private final String cookieName;

	SessionHashLoadBalancer(ObjectProvider<ServiceInstanceListSupplier> suppliers,
			ReactorServiceInstanceLoadBalancer withoutSession, String cookieName) {
		this.suppliers = suppliers;
		this.withoutSession = withoutSession;
		this.cookieName = cookieName;
	}

	@Override
	@SuppressWarnings("rawtypes")
	public Mono<Response<ServiceInstance>> choose(Request request) {
		String session = session(request);
		if (session == null) {
			return this.withoutSession.choose(request);
		}
		ServiceInstanceListSupplier supplier = this.suppliers.getIfAvailable(NoopServiceInstanceListSupplier::new);
		return supplier.get(request).next().map((instances) -> pick(instances, session));
	}

	static Response<ServiceInstance> pick(List<ServiceInstance> instances, String session) {
		ServiceInstance best = null;
		long bestScore = 0;
		for (ServiceInstance instance : instances) {
			long score = score(session, instance.getInstanceId());
			if (best == null || Long.compareUnsigned(score, bestScore) > 0) {
				best = instance;
				bestScore = score;
			}
		}
		return (best != null) ? new DefaultResponse(best) : new EmptyResponse();
	}

	@SuppressWarnings("rawtypes")
	private @Nullable String session(Request request) {
		if (request.getContext() instanceof RequestDataContext context && context.getClientRequest() != null) {
			String value = context.getClientRequest().getCookies().getFirst(this.cookieName);
			return (value != null && !value.isBlank()) ? value : null;
		}
		return null;
	}

	/** FNV-1a over session and instance, finished with the SplitMix64 mixer. */
	private static long score(String session, String instanceId) {
		long hash = 0xcbf29ce484222325L;
		for (byte b : (session + '\n' + instanceId).getBytes(StandardCharsets.UTF_8)) {
			hash ^= (b & 0xff);
			hash *= 0x100000001b3L;
		}
		hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
		hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
		return hash ^ (hash >>> 31);
	}

}
