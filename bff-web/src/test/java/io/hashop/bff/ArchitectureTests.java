package io.hashop.bff;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.hashop.devinfra.test.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

	@Test
	void obeysTheBoundaryRules() {
		JavaClasses classes = ArchitectureRules.importDeployable("bff");
		ArchitectureRules.forDeployable("bff").forEach((rule) -> rule.check(classes));
	}

}
