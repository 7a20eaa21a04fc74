package io.hashop.bench.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import io.hashop.launcher.LocalPlatform;
import io.hashop.launcher.LocalPlatformBuilder;
import io.hashop.launcher.process.ServiceHandle;

/**
 * The platform as the benchmarks need it, started by the launcher with the images' JVM
 * options: one instance of each service, and beside the normal path the variants some
 * arms compare against.
 * <ul>
 * <li>{@code bff-web} (8081): the BFF every gateway and nginx send to;</li>
 * <li>{@code bff-web-2} (8181): without the Resilience4j guards (S5);</li>
 * <li>{@code bff-web-3} (8281): without the catalog cache (S9);</li>
 * <li>{@code gateway} (8080): as in production, with limits too high to refuse a
 * benchmark;</li>
 * <li>{@code gateway-2} (8180): the same without its rate limiter (S1, S8);</li>
 * <li>nginx (8088) in front of {@code bff-web} (S1, S2);</li>
 * <li>Spring Cloud Gateway with one route and nothing else (8090,
 * {@code bench/minimal-gateway}) in front of {@code bff-web} (S1, S2);</li>
 * <li>a plain Reactor Netty proxy, no Spring (8092, {@code bench/netty-proxy}), in front
 * of {@code bff-web} (S1, S2).</li>
 * </ul>
 * The last two run on the services' JDK with their JVM options.
 */
public final class BenchPlatform implements AutoCloseable {

	/**
	 * What the images run (Jib, root {@code pom.xml}) under the 768 MiB memory limit of
	 * {@code deploy/k8s}: full tiered JIT and the collector the JVM picks for that size.
	 */
	public static final List<String> PRODUCTION_JVM_OPTIONS = List.of("-XX:MaxRAM=768m", "-XX:MaxRAMPercentage=75",
			"-XX:+ExitOnOutOfMemoryError", "-Xshare:auto", "--enable-native-access=ALL-UNNAMED");

	/** Far above what a benchmark sends, so the limiter counts but never refuses. */
	private static final String UNREACHABLE_LIMIT = "1000000000";

	private static final int NGINX_PORT = 8088;

	private static final int MINIMAL_GATEWAY_PORT = 8090;

	private static final int NETTY_PROXY_PORT = 8092;

	private static final String HISTOGRAMS = "{\"management.metrics.distribution.percentiles-histogram."
			+ "http.server.requests\":true,\"management.metrics.distribution.percentiles-histogram.grpc.client\":true,"
			+ "\"management.metrics.distribution.percentiles-histogram.http.client.requests\":true}";

	private final LocalPlatform platform;

	private final Nginx nginx;

	private final ProxyJar minimalGateway;

	private final ProxyJar nettyProxy;

	private final List<String> jvmOptions;

	private BenchPlatform(LocalPlatform platform, Nginx nginx, ProxyJar minimalGateway, ProxyJar nettyProxy,
			List<String> jvmOptions) {
		this.platform = platform;
		this.nginx = nginx;
		this.minimalGateway = minimalGateway;
		this.nettyProxy = nettyProxy;
		this.jvmOptions = jvmOptions;
	}

	public static BenchPlatform start(Path repoRoot, Path workDirectory, List<String> jvmOptions, PrintStream out) {
		String bff = "http://localhost:8081";
		LocalPlatformBuilder builder = LocalPlatform.builder(repoRoot)
			.services("user-service", "order-service", "payment-service", "bff-web", "gateway")
			.replicas("bff-web", 3)
			.replicas("gateway", 2)
			.jvmOptions(jvmOptions)
			.logs(workDirectory.resolve("logs"))
			.output(out)
			// S3 reads the dashboard's and its legs' p99 from these histograms.
			.environment("bff-web", "SPRING_APPLICATION_JSON", HISTOGRAMS)
			.environment("bff-web-2", "DOWNSTREAM_GUARDS_ENABLED", "false")
			.environment("bff-web-3", "CATALOG_CACHE_ENABLED", "false");
		for (String gateway : List.of("gateway", "gateway-2")) {
			builder.environment(gateway, "BFF_URLS", bff)
				.environment(gateway, "RATE_LIMIT_USER", UNREACHABLE_LIMIT)
				.environment(gateway, "RATE_LIMIT_IP", UNREACHABLE_LIMIT);
		}
		builder.environment("gateway-2", "RATE_LIMIT_ENABLED", "false");
		LocalPlatform platform = builder.start();
		Nginx nginx = null;
		ProxyJar minimalGateway = null;
		try {
			nginx = Nginx.start(workDirectory.resolve("nginx"), NGINX_PORT, "127.0.0.1:8081");
			Path java = Path.of(ProcessHandle.of(platform.process("bff-web").status().pid().getAsLong())
				.orElseThrow()
				.info()
				.command()
				.orElseThrow());
			ProxyJar.Starter proxies = new ProxyJar.Starter(repoRoot, java, jvmOptions, workDirectory.resolve("logs"),
					bff);
			minimalGateway = proxies.start("minimal-gateway", "minimal gateway", MINIMAL_GATEWAY_PORT);
			ProxyJar nettyProxy = proxies.start("netty-proxy", "Reactor Netty proxy", NETTY_PROXY_PORT);
			return new BenchPlatform(platform, nginx, minimalGateway, nettyProxy, jvmOptions);
		}
		catch (RuntimeException ex) {
			if (minimalGateway != null) {
				minimalGateway.close();
			}
			if (nginx != null) {
				nginx.close();
			}
			platform.close();
			throw ex;
		}
	}

	public String bffUrl() {
		return url("bff-web");
	}

	public String bffWithoutGuardsUrl() {
		return url("bff-web-2");
	}

	public String bffWithoutCatalogCacheUrl() {
		return url("bff-web-3");
	}

	public String gatewayUrl() {
		return url("gateway");
	}

	public String gatewayWithoutRateLimitUrl() {
		return url("gateway-2");
	}

	public String nginxUrl() {
		return this.nginx.url();
	}

	public String minimalGatewayUrl() {
		return this.minimalGateway.url();
	}

	public String nettyProxyUrl() {
		return this.nettyProxy.url();
	}

	public LocalPlatform launcherPlatform() {
		return this.platform;
	}

	public List<String> jvmOptions() {
		return this.jvmOptions;
	}

	/** The management (metrics) port of a process. */
	public int managementPort(String process) {
		return this.platform.process(process).managementPort();
	}

	/** Stops a process's threads where they are (SIGSTOP): hung, not gone. */
	public void freeze(String process) throws IOException, InterruptedException {
		signal(process, "STOP");
	}

	public void thaw(String process) throws IOException, InterruptedException {
		signal(process, "CONT");
	}

	private void signal(String process, String signal) throws IOException, InterruptedException {
		ServiceHandle handle = this.platform.process(process);
		long pid = handle.status().pid().orElseThrow(() -> new IllegalStateException(process + " is not running"));
		int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
		if (exit != 0) {
			throw new IOException("kill -" + signal + " " + pid + " exited with " + exit);
		}
	}

	private String url(String process) {
		return "http://localhost:" + this.platform.process(process).serverPort();
	}

	@Override
	public void close() {
		this.nettyProxy.close();
		this.minimalGateway.close();
		this.nginx.close();
		this.platform.close();
	}

}
