package io.hashop.bff.downstream;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.grpc.ChannelLogger;
import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.NameResolver.ResolutionResult;
import io.grpc.NameResolverRegistry;
import io.grpc.Status;
import io.grpc.SynchronizationContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StaticListNameResolverProviderTests {

	@Test
	void turnsAListOfInstancesIntoAStaticListTarget() {
		assertThat(StaticListNameResolverProvider.target("localhost:9092, localhost:9192,"))
			.isEqualTo("static-list:///localhost:9092,localhost:9192");
	}

	@Test
	void leavesASingleInstanceAndUriTargetsAsTheyAre() {
		assertThat(StaticListNameResolverProvider.target("localhost:9092")).isEqualTo("localhost:9092");
		assertThat(StaticListNameResolverProvider.target("dns:///user-service:9092"))
			.isEqualTo("dns:///user-service:9092");
	}

	@Test
	void rejectsAnInstanceWithoutAPortNamingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> StaticListNameResolverProvider.target("a:1,b"))
			.withMessageContaining("'b'");
		assertThatIllegalArgumentException().isThrownBy(() -> StaticListNameResolverProvider.instances(" , "));
	}

	@Test
	void isRegisteredWithGrpcForItsScheme() {
		assertThat(NameResolverRegistry.getDefaultRegistry().getProviderForScheme("static-list"))
			.isInstanceOf(StaticListNameResolverProvider.class);
		assertThat(NameResolverRegistry.getDefaultRegistry().getDefaultScheme()).isEqualTo("dns");
	}

	@Test
	void resolvesEachInstanceToItsOwnAddressGroup() throws Exception {
		ResolutionResult result = resolve("static-list:///127.0.0.1:9092,localhost:9192");

		List<EquivalentAddressGroup> groups = result.getAddressesOrError().getValue();
		assertThat(groups).hasSize(2);
		assertThat(groups.get(0).getAddresses()).containsExactly(new InetSocketAddress("127.0.0.1", 9092));
		assertThat(groups.get(1).getAddresses()).isNotEmpty()
			.allSatisfy((address) -> assertThat(((InetSocketAddress) address).getPort()).isEqualTo(9192));
	}

	@Test
	void leavesOutAnInstanceThatDoesNotResolveAndFailsOnlyIfNoneDoes() throws Exception {
		assertThat(resolve("static-list:///127.0.0.1:9092,no-such-host.invalid:9192").getAddressesOrError().getValue())
			.hasSize(1);
		assertThat(resolve("static-list:///no-such-host.invalid:9192").getAddressesOrError().getStatus().getCode())
			.isEqualTo(Status.Code.UNAVAILABLE);
	}

	private static ResolutionResult resolve(String target) throws Exception {
		SynchronizationContext context = new SynchronizationContext((thread, ex) -> {
			throw new AssertionError(ex);
		});
		NameResolver.Args args = NameResolver.Args.newBuilder()
			.setDefaultPort(443)
			.setProxyDetector((address) -> null)
			.setSynchronizationContext(context)
			.setServiceConfigParser(new NameResolver.ServiceConfigParser() {

				@Override
				public NameResolver.ConfigOrError parseServiceConfig(java.util.Map<String, ?> config) {
					return NameResolver.ConfigOrError.fromConfig(config);
				}

			})
			.setChannelLogger(new ChannelLogger() {

				@Override
				public void log(ChannelLogLevel level, String message) {
				}

				@Override
				public void log(ChannelLogLevel level, String message, Object... args) {
				}

			})
			.build();
		NameResolver resolver = new StaticListNameResolverProvider().newNameResolver(URI.create(target), args);
		CompletableFuture<ResolutionResult> result = new CompletableFuture<>();
		context.execute(() -> resolver.start(new NameResolver.Listener2() {

			@Override
			public void onResult(ResolutionResult resolution) {
				result.complete(resolution);
			}

			@Override
			public void onError(Status error) {
				result.completeExceptionally(error.asRuntimeException());
			}

		}));
		try {
			return result.get(10, TimeUnit.SECONDS);
		}
		finally {
			resolver.shutdown();
		}
	}

}
