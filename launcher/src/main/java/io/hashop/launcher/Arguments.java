package io.hashop.launcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.hashop.launcher.service.LauncherException;
import io.hashop.launcher.service.ServiceTable;

/**
 * The command line:
 * {@code [--smoke] [--redis-sentinel] [--monitoring] [--replicas N] [--replicas <service>=N ...]}.
 *
 * @param smoke check health, place one order and stop, instead of running until Ctrl-C
 * @param replicas instances per service; {@code --replicas N} sets every service but the
 * gateway, {@code --replicas bff-web=3} one service (the later wins)
 * @param redisSentinel run Redis as a primary, a replica and three sentinels instead of
 * one node
 * @param monitoring also run the Prometheus installed on this machine against the
 * platform, with the deployed alert rules
 */
record Arguments(boolean smoke, Map<String, Integer> replicas, boolean redisSentinel, boolean monitoring) {

	static final String USAGE = "Usage: ./run-local.sh [--no-build] [--smoke] [--redis-sentinel] [--monitoring] [--replicas N] [--replicas <service>=N]"
			+ " (services: " + String.join(", ", ServiceTable.modules()) + ")";

	Arguments {
		replicas = Map.copyOf(replicas);
	}

	static Arguments parse(String[] args) {
		boolean smoke = false;
		boolean redisSentinel = false;
		boolean monitoring = false;
		Map<String, Integer> replicas = new LinkedHashMap<>(ServiceTable.DEFAULT_REPLICAS);
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--smoke" -> smoke = true;
				case "--redis-sentinel" -> redisSentinel = true;
				case "--monitoring" -> monitoring = true;
				case "--replicas" -> {
					if (i + 1 == args.length) {
						throw new LauncherException("--replicas needs a count or <service>=<count>. " + USAGE);
					}
					applyReplicas(args[++i], replicas);
				}
				default -> throw new LauncherException("Unknown argument '" + args[i] + "'. " + USAGE);
			}
		}
		return new Arguments(smoke, replicas, redisSentinel, monitoring);
	}

	private static void applyReplicas(String value, Map<String, Integer> replicas) {
		int equals = value.indexOf('=');
		if (equals < 0) {
			int count = count(value);
			ServiceTable.modules()
				.stream()
				.filter((module) -> !module.equals("gateway"))
				.forEach((module) -> replicas.put(module, count));
			return;
		}
		String module = value.substring(0, equals);
		List<String> modules = ServiceTable.modules();
		if (!modules.contains(module)) {
			throw new LauncherException("Unknown service '" + module + "' in --replicas. " + USAGE);
		}
		replicas.put(module, count(value.substring(equals + 1)));
	}

	private static int count(String text) {
		try {
			int count = Integer.parseInt(text.trim());
			if (count >= 1 && count <= 9) {
				return count;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new LauncherException("A replica count is a number from 1 to 9, not '" + text + "'. " + USAGE);
	}

}
