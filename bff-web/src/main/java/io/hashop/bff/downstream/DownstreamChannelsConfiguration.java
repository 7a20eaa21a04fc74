package io.hashop.bff.downstream;

import org.springframework.boot.grpc.client.autoconfigure.GrpcChannelFactoryCustomizer;
import org.springframework.boot.grpc.client.autoconfigure.GrpcClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.DefaultGrpcChannelFactory;

/**
 * Lets a downstream's {@code static://} address list several instances
 * ({@code static://host:port,host:port}). Spring gRPC strips {@code static://} and hands
 * the rest to grpc-java as one authority, which DNS cannot resolve when it is a list, so
 * a list goes to the {@link StaticListNameResolverProvider} instead. A single
 * {@code static://host:port} and every URI target ({@code dns:///name:port} in
 * Kubernetes) pass unchanged. Balancing and health checking are per channel settings in
 * {@code spring.grpc.client.channels}.
 */
@Configuration(proxyBeanMethods = false)
class DownstreamChannelsConfiguration {

	@Bean
	GrpcChannelFactoryCustomizer staticListTargets(GrpcClientProperties properties) {
		return (factory) -> {
			if (factory instanceof DefaultGrpcChannelFactory<?> channels) {
				channels.setVirtualTargets(
						(channel) -> StaticListNameResolverProvider.target(properties.getTarget(channel)));
			}
		};
	}

}
