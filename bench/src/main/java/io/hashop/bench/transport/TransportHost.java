package io.hashop.bench.transport;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The process an arm runs in: one transport's server and client, started once, then one
 * {@link CallLoop} per {@code run <millis>} line on stdin, each answered with a
 * {@link CallCount} line on stdout. It stops when stdin closes.
 * <p>
 * A process of its own, not the bench's JVM: the contracts' generated classes are Java 21
 * bytecode while the bench may run on Java 17, the transports should run on the services'
 * JDK and options, and its CPU time then counts this arm's client and server and nothing
 * else.
 */
final class TransportHost {

	static final String READY = "s4-ready";

	static final String RUN = "run ";

	private TransportHost() {
	}

	/**
	 * @param args the transport ({@code grpc} or {@code feign}) and the number of callers
	 */
	public static void main(String[] args) throws Exception {
		int callers = Integer.parseInt(args[1]);
		try (Transport transport = start(args[0])) {
			System.out.println(READY);
			System.out.flush();
			BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			String line;
			while ((line = in.readLine()) != null) {
				if (line.startsWith(RUN)) {
					Duration duration = Duration.ofMillis(Long.parseLong(line.substring(RUN.length()).trim()));
					System.out.println(CallLoop.run(transport, callers, duration).toLine());
					System.out.flush();
				}
			}
		}
		// Non-daemon threads (Tomcat's, gRPC's executors) must not keep this process
		// alive.
		System.exit(0);
	}

	private static Transport start(String kind) {
		return switch (kind) {
			case "grpc" -> GrpcTransport.start();
			case "feign" -> HttpTransport.start();
			default -> throw new IllegalArgumentException("No transport " + kind);
		};
	}

}
