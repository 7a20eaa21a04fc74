package io.hashop.bench.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.hashop.bench.harness.Arm;
import io.hashop.bench.harness.Goal;
import io.hashop.bench.harness.Ratio;
import io.hashop.bench.harness.Scenario;
import io.hashop.bench.platform.BenchPlatform;

/**
 * S10: seconds from {@code java} to a ready {@code /readyz} with a cache trained
 * beforehand ÷ with the plain fat jar, and the memory each service holds. Each arm starts
 * one more instance of each chosen service beside the running bench platform (same JDK,
 * JVM options and environment, free ports), one service after the other:
 * <ul>
 * <li>{@code plain}: the fat jar;</li>
 * <li>{@code extracted}: the jar extracted with Spring Boot's tools jar mode, no
 * cache;</li>
 * <li>{@code cds}: extracted, with a dynamic CDS archive (only when {@code cached} is an
 * AOT cache, to compare the two);</li>
 * <li>{@code cached}: extracted, with an AOT cache on JDK 25 and later, else a CDS
 * archive;</li>
 * <li>{@code cached, trained to ready}: an AOT cache from a training run that went on to
 * a ready {@code /readyz} (only with an AOT cache);</li>
 * <li>{@code cached, Spring AOT}: the same on Spring's AOT processing of the service
 * (only with an AOT cache and a JDK that has {@code javac});</li>
 * <li>{@code running platform}: the resident memory of the platform's own processes.</li>
 * </ul>
 */
public final class StartupScenario {

	/**
	 * A servlet BFF calling out over gRPC and HTTP, and a service with a database, Kafka
	 * and a gRPC server: each arm takes about 30 s with these two, 75 s with all five.
	 */
	public static final List<String> DEFAULT_SERVICES = List.of("order-service", "bff-web");

	/** Every service, in the launcher's start order. */
	public static final List<String> ALL_SERVICES = List.of("user-service", "order-service", "payment-service",
			"bff-web", "gateway");

	private static final String SPRING_AOT_ARM = "cached, Spring AOT";

	private static final String TRAINED = " from a training run with `%s %s`";

	private StartupScenario() {
	}

	public static Scenario create(BenchPlatform platform, Path workDirectory) {
		return create(platform, workDirectory, DEFAULT_SERVICES);
	}

	/**
	 * @param workDirectory where each service's jar copy, extracted jar, caches and logs
	 * go
	 * @param modules the services to start, by module name
	 */
	public static Scenario create(BenchPlatform platform, Path workDirectory, List<String> modules) {
		if (modules.isEmpty()) {
			throw new IllegalArgumentException("S10 needs at least one service");
		}
		ServiceLaunch first = firstLaunch(platform, workDirectory, modules.get(0));
		boolean aot = aotCacheAvailable(first);
		boolean springAot = aot && SpringAotProcessing.available(first.java());
		List<StartMode> trained = new ArrayList<>(List.of(StartMode.CDS));
		if (aot) {
			trained.addAll(List.of(StartMode.AOT, StartMode.AOT_TRAINED_TO_READY));
		}
		if (springAot) {
			trained.add(StartMode.SPRING_AOT);
		}
		ExtraInstances instances = new ExtraInstances(platform.launcherPlatform(), workDirectory, trained);
		List<Arm> arms = startArms(modules, instances, aot, springAot);
		arms.add(new PlatformRssArm(platform.launcherPlatform()));
		return new Scenario("S10",
				"start-up to ready with an " + (aot ? "AOT cache" : "CDS archive (JDK < 25)") + " ÷ the plain jar",
				new Ratio("cached ÷ plain seconds to ready", "cached", "plain", StartupArm.READY), Goal.atMost(0.40),
				arms, further(modules, aot, springAot));
	}

	/**
	 * The arms that start services, in the order they run: the cached ones only where the
	 * JDK writes an AOT cache, Spring's AOT processing only where it also has
	 * {@code javac}; without an AOT cache, {@code cached} is the CDS archive.
	 */
	static List<Arm> startArms(List<String> modules, ExtraInstances instances, boolean aot, boolean springAot) {
		String services = String.join(", ", modules);
		List<Arm> arms = new ArrayList<>();
		arms.add(new StartupArm("plain",
				"`java <options> -jar <module>.jar`, the fat jar as the launcher and the "
						+ "images run it: one more instance of " + services + " on free ports, one after the other",
				StartMode.PLAIN, modules, instances));
		arms.add(new StartupArm("extracted",
				"`java <options> -jar extracted/<module>.jar` after `java "
						+ "-Djarmode=tools -jar <module>.jar extract --destination extracted`, no cache",
				StartMode.EXTRACTED, modules, instances));
		if (aot) {
			arms.add(new StartupArm("cds", cds(), StartMode.CDS, modules, instances));
			arms.add(new StartupArm("cached",
					"extracted, with `-XX:AOTCache=<module>.aot` and without `-Xshare:auto` (JDK 25 refuses it "
							+ "beside the AOT flags)"
							+ String.format(TRAINED, "-XX:AOTCacheOutput=<module>.aot", StartMode.TRAINING_EXIT),
					StartMode.AOT, modules, instances));
			arms.add(new StartupArm("cached, trained to ready",
					"the same with a cache from a training run without `" + StartMode.TRAINING_EXIT
							+ "`, stopped (SIGTERM) once `/readyz` answered",
					StartMode.AOT_TRAINED_TO_READY, modules, instances));
			if (springAot) {
				arms.add(new StartupArm(SPRING_AOT_ARM,
						"the same on Spring's AOT processing of the service (done by the harness in the service's "
								+ "environment, as `spring-boot:process-aot` would in the build), `"
								+ StartMode.SPRING_AOT_ENABLED + "`, its own cache trained to ready",
						StartMode.SPRING_AOT, modules, instances));
			}
		}
		else {
			arms.add(new StartupArm("cached", cds(), StartMode.CDS, modules, instances));
		}
		return arms;
	}

	private static String cds() {
		return "extracted, with `-XX:SharedArchiveFile=<module>.jsa`"
				+ String.format(TRAINED, "-XX:ArchiveClassesAtExit=<module>.jsa", StartMode.TRAINING_EXIT);
	}

	private static List<Ratio> further(List<String> modules, boolean aot, boolean springAot) {
		List<Ratio> further = new ArrayList<>();
		further.add(new Ratio("extracted ÷ plain seconds to ready (what extraction gives)", "extracted", "plain",
				StartupArm.READY));
		further.add(new Ratio("cached ÷ extracted seconds to ready (what the cache gives)", "cached", "extracted",
				StartupArm.READY));
		if (aot) {
			further.add(new Ratio("cds ÷ plain seconds to ready", "cds", "plain", StartupArm.READY));
			further.add(new Ratio("cached, trained to ready ÷ plain seconds to ready", "cached, trained to ready",
					"plain", StartupArm.READY));
		}
		if (springAot) {
			further.add(
					new Ratio(SPRING_AOT_ARM + " ÷ plain seconds to ready", SPRING_AOT_ARM, "plain", StartupArm.READY));
			further.add(new Ratio(SPRING_AOT_ARM + " ÷ cached, trained to ready seconds (what Spring AOT gives)",
					SPRING_AOT_ARM, "cached, trained to ready", StartupArm.READY));
			further.add(new Ratio(SPRING_AOT_ARM + " ÷ plain processor seconds until ready", SPRING_AOT_ARM, "plain",
					StartupArm.CPU));
		}
		further.add(new Ratio("cached ÷ plain processor seconds until ready (steadier on a busy machine)", "cached",
				"plain", StartupArm.CPU));
		further.add(new Ratio("cached ÷ plain RSS once ready", "cached", "plain", StartupArm.RSS));
		for (String module : modules) {
			further.add(new Ratio(module + ": cached ÷ plain seconds to ready", "cached", StartupArm.ready(module),
					"plain", StartupArm.ready(module)));
		}
		return further;
	}

	private static ServiceLaunch firstLaunch(BenchPlatform platform, Path workDirectory, String module) {
		try {
			return new ExtraInstances(platform.launcherPlatform(), workDirectory, List.of()).launch(module);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read how " + module + " was started", ex);
		}
	}

	private static boolean aotCacheAvailable(ServiceLaunch launch) {
		try {
			return launch.javaFeatureVersion() >= StartMode.AOT_CACHE_SINCE;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the JDK version of " + launch.java(), ex);
		}
	}

}
