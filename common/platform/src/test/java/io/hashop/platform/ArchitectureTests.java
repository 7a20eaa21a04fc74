package io.hashop.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.hashop.devinfra.test.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

	@Test
	void obeysTheBoundaryRules() {
		JavaClasses classes = ArchitectureRules.importDeployable("platform");
		ArchitectureRules.forDeployable("platform").forEach((rule) -> rule.check(classes));
	}

}
