package io.hashop.bench.startup;

import java.nio.file.Path;
import java.util.List;

import io.hashop.bench.harness.Arm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StartupScenarioTests {

	private static final List<String> MODULES = List.of("order-service", "bff-web");

	@TempDir
	Path work;

	@Test
	void withAnAotCacheAndJavacComparesEveryCacheAndSpringsAotProcessing() {
		assertThat(names(true, true)).containsExactly("plain", "extracted", "cds", "cached", "cached, trained to ready",
				"cached, Spring AOT");
	}

	@Test
	void withAnAotCacheButNoJavacLeavesSpringsAotProcessingOutAndHasOneCachedArm() {
		assertThat(names(true, false)).containsExactly("plain", "extracted", "cds", "cached",
				"cached, trained to ready");
	}

	@Test
	void withoutAnAotCacheTheCdsArchiveIsTheCachedArm() {
		assertThat(names(false, false)).containsExactly("plain", "extracted", "cached");
	}

	private List<String> names(boolean aot, boolean springAot) {
		ExtraInstances instances = new ExtraInstances(null, this.work, List.of());
		return StartupScenario.startArms(MODULES, instances, aot, springAot).stream().map(Arm::name).toList();
	}

}
