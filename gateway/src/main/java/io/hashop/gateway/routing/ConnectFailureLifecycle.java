package io.hashop.gateway.routing;

import java.net.ConnectException;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.client.loadbalancer.ResponseData;

/** Ejects the chosen instance when the gateway could not connect to it. */
class ConnectFailureLifecycle implements LoadBalancerLifecycle<RequestDataContext, ResponseData, ServiceInstance> {

	private final InstanceEjections ejections;

	ConnectFailureLifecycle(InstanceEjections ejections) {
		this.ejections = ejections;
	}

	@Override
	public void onStart(Request<RequestDataContext> request) {
	}

	@Override
	public void onStartRequest(Request<RequestDataContext> request, Response<ServiceInstance> lbResponse) {
	}

	@Override
	public void onComplete(CompletionContext<ResponseData, ServiceInstance, RequestDataContext> completion) {
		Response<ServiceInstance> chosen = completion.getLoadBalancerResponse();
		if (completion.status() == CompletionContext.Status.FAILED && chosen != null && chosen.hasServer()
				&& isConnectFailure(completion.getThrowable())) {
			this.ejections.eject(chosen.getServer());
		}
	}

	static boolean isConnectFailure(Throwable ex) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (current instanceof ConnectException) {
				return true;
			}
		}
		return false;
	}

}
