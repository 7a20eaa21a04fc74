package io.hashop.bff.downstream;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;

/**
 * gRPC name resolution for a fixed list of instances,
 * {@code static-list:///host:port,host:port}: one address group per instance, so
 * {@code round_robin} spreads the calls over all of them and health-checks each one.
 * grpc-java has no resolver for a list, and Spring gRPC passes {@code static://host:port}
 * on as a single authority for DNS. Registered in
 * {@code META-INF/services/io.grpc.NameResolverProvider};
 * {@link DownstreamChannelsConfiguration} sends a {@code static://} address that lists
 * several instances here.
 */
public final class StaticListNameResolverProvider extends NameResolverProvider {

	static final String SCHEME = "static-list";

	/** Below DNS's 5, so this never becomes the scheme of a plain {@code host:port}. */
	private static final int PRIORITY = 4;

	@Override
	public NameResolver newNameResolver(URI targetUri, NameResolver.Args args) {
		if (!SCHEME.equals(targetUri.getScheme())) {
			return null;
		}
		return new StaticListNameResolver(instances(targetUri.getPath().replaceFirst("^/+", "")), args);
	}

	@Override
	public String getDefaultScheme() {
		return SCHEME;
	}

	@Override
	protected boolean isAvailable() {
		return true;
	}

	@Override
	protected int priority() {
		return PRIORITY;
	}

	/**
	 * The gRPC target for what Spring gRPC made of a {@code static://} address: a list of
	 * instances ({@code host:port,host:port}) becomes a {@code static-list} target; a
	 * single authority or any URI target ({@code dns:///name:port}) stays as it is.
	 * @param target the target Spring gRPC resolved for a channel
	 * @return the target to build the channel for
	 * @throws IllegalArgumentException if an instance of a list is not {@code host:port}
	 */
	static String target(String target) {
		if (target.contains(":/") || !target.contains(",")) {
			return target;
		}
		return SCHEME + ":///"
				+ instances(target).stream()
					.map((instance) -> instance.getHostString() + ":" + instance.getPort())
					.collect(Collectors.joining(","));
	}

	/**
	 * The instances of a comma-separated {@code host:port} list, unresolved.
	 * @throws IllegalArgumentException naming the first entry that is not
	 * {@code host:port}, or if the list is empty
	 */
	static List<InetSocketAddress> instances(String list) {
		List<InetSocketAddress> instances = Arrays.stream(list.split(","))
			.map(String::trim)
			.filter((entry) -> !entry.isEmpty())
			.map(StaticListNameResolverProvider::instance)
			.toList();
		if (instances.isEmpty()) {
			throw new IllegalArgumentException("A gRPC instance list names no instance: '" + list + "'");
		}
		return instances;
	}

	private static InetSocketAddress instance(String entry) {
		try {
			URI uri = new URI(null, entry, null, null, null);
			if (uri.getHost() == null || uri.getPort() < 1 || uri.getRawUserInfo() != null) {
				throw new IllegalArgumentException("A gRPC instance must be host:port, not '" + entry + "'");
			}
			return InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort());
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("A gRPC instance must be host:port, not '" + entry + "'", ex);
		}
	}

}
