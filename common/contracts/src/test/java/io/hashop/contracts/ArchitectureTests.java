package io.hashop.contracts;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

class ArchitectureTests {

	@Test
	void contractsDependOnlyOnProtobufAndGrpc() {
		JavaClasses contracts = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.hashop.contracts");

		classes().should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("io.hashop.contracts..", "java..", "com.google.protobuf..", "io.grpc..",
					"com.google.common..", "javax.annotation..")
			.check(contracts);
	}

}
