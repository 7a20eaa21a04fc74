package io.hashop.bff.downstream;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;

import io.grpc.ChannelLogger.ChannelLogLevel;
import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.Status;
import io.grpc.StatusOr;
import io.grpc.SynchronizationContext;

/**
 * Resolves a fixed list of instances to one address group each (all the addresses of its
 * host name). Host names are looked up off the channel's synchronization context, again
 * whenever the load balancer asks for a refresh; an instance whose name does not resolve
 * is left out rather than failing the others.
 */
final class StaticListNameResolver extends NameResolver {

	private final List<InetSocketAddress> instances;

	private final String authority;

	private final NameResolver.Args args;

	private final SynchronizationContext synchronizationContext;

	private final Executor lookUps;

	private Listener2 listener;

	private boolean resolving;

	private boolean shutdown;

	StaticListNameResolver(List<InetSocketAddress> instances, NameResolver.Args args) {
		this.instances = List.copyOf(instances);
		InetSocketAddress first = instances.get(0);
		this.authority = first.getHostString() + ":" + first.getPort();
		this.args = args;
		this.synchronizationContext = args.getSynchronizationContext();
		this.lookUps = (args.getOffloadExecutor() != null) ? args.getOffloadExecutor() : Runnable::run;
	}

	@Override
	public String getServiceAuthority() {
		return this.authority;
	}

	@Override
	public void start(Listener2 listener) {
		this.listener = listener;
		resolve();
	}

	@Override
	public void refresh() {
		if (this.listener != null) {
			resolve();
		}
	}

	@Override
	public void shutdown() {
		this.shutdown = true;
	}

	/**
	 * Called in the synchronization context, as are {@link #start} and {@link #refresh}.
	 */
	private void resolve() {
		if (this.resolving || this.shutdown) {
			return;
		}
		this.resolving = true;
		this.lookUps.execute(() -> {
			ResolutionResult result = lookUp();
			this.synchronizationContext.execute(() -> {
				this.resolving = false;
				if (!this.shutdown) {
					this.listener.onResult2(result);
				}
			});
		});
	}

	private ResolutionResult lookUp() {
		List<EquivalentAddressGroup> groups = new ArrayList<>();
		for (InetSocketAddress instance : this.instances) {
			try {
				List<SocketAddress> addresses = Arrays.stream(InetAddress.getAllByName(instance.getHostString()))
					.map((address) -> (SocketAddress) new InetSocketAddress(address, instance.getPort()))
					.toList();
				groups.add(new EquivalentAddressGroup(addresses));
			}
			catch (UnknownHostException ex) {
				this.args.getChannelLogger()
					.log(ChannelLogLevel.WARNING, "Instance {0} does not resolve; left out", instance);
			}
		}
		StatusOr<List<EquivalentAddressGroup>> addresses = groups.isEmpty()
				? StatusOr.fromStatus(Status.UNAVAILABLE.withDescription("No instance resolves: " + this.instances))
				: StatusOr.fromValue(groups);
		return ResolutionResult.newBuilder().setAddressesOrError(addresses).build();
	}

}
