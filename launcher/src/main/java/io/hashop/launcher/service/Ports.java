package io.hashop.launcher.service;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

/**
 * Reads port overrides from the environment and checks the service ports are free.
 */
public final class Ports {

	private Ports() {
	}

	public static int fromEnvironment(Map<String, String> env, String key, int fallback) {
		String value = env.get(key);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			int port = Integer.parseInt(value.trim());
			if (port >= 1 && port <= 65535) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new LauncherException(key + " must be a port number between 1 and 65535, not '" + value + "'.");
	}

	/**
	 * Fails when a port is taken, typically by an earlier run: otherwise its old process
	 * would answer the readiness probe of the new one.
	 */
	public static void requireFree(List<ServiceSpec> services) {
		for (ServiceSpec service : services) {
			requireFree(service.serverPort(), service);
			requireFree(service.managementPort(), service);
			service.grpcPort().ifPresent((port) -> requireFree(port, service));
		}
	}

	private static void requireFree(int port, ServiceSpec service) {
		requireFree(port, service.name());
	}

	/**
	 * Fails in one sentence naming the port and what needs it.
	 * @param port the port
	 * @param user what would listen there, such as {@code order-service-2} or
	 * {@code PostgreSQL}
	 */
	public static void requireFree(int port, String user) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(port));
		}
		catch (IOException ex) {
			throw new LauncherException(
					"Port " + port + " (" + user + ") is already in use: is an earlier run still going?");
		}
	}

}
