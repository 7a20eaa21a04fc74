package io.hashop.devinfra.test;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The boundary rules every deployable obeys, checked by each module's
 * {@code ArchitectureTests}: no reach into another deployable, no package cycles,
 * packages by feature rather than by layer, and the naming suffixes of the style guide.
 */
public final class ArchitectureRules {

	private static final List<String> DEPLOYABLES = List.of("user", "order", "payment", "bff", "gateway");

	private static final String[] LAYER_PACKAGES = { "..controller..", "..controllers..", "..service..", "..services..",
			"..repository..", "..repositories..", "..dto..", "..model..", "..util..", "..utils.." };

	private ArchitectureRules() {
	}

	/** The production classes of one deployable, {@code io.hashop.<name>}. */
	public static JavaClasses importDeployable(String name) {
		return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.hashop." + name);
	}

	/** Every rule, for the deployable {@code io.hashop.<name>}. */
	public static List<ArchRule> forDeployable(String name) {
		String root = "io.hashop." + name;
		String[] others = DEPLOYABLES.stream()
			.filter((other) -> !other.equals(name))
			.map((other) -> "io.hashop." + other + "..")
			.toArray(String[]::new);
		return List.of(
				noClasses().that()
					.resideInAPackage(root + "..")
					.should()
					.dependOnClassesThat()
					.resideInAnyPackage(others)
					.as("%s reaches into no other deployable".formatted(name)),
				slices().matching(root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true),
				noClasses().should().resideInAnyPackage(LAYER_PACKAGES).as("packages are by feature, not by layer"),
				classes().that()
					.areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
					.should()
					.haveSimpleNameEndingWith("Controller")
					.allowEmptyShould(true),
				classes().that()
					.areAssignableTo("io.grpc.BindableService")
					.and()
					.areNotInterfaces()
					.should()
					.haveSimpleNameEndingWith("GrpcService")
					.allowEmptyShould(true),
				classes().that()
					.areAnnotatedWith("org.springframework.boot.context.properties.ConfigurationProperties")
					.should()
					.haveSimpleNameEndingWith("Properties")
					.allowEmptyShould(true),
				classes().that()
					.areAnnotatedWith("org.springframework.stereotype.Repository")
					.should()
					.haveSimpleNameEndingWith("Repository")
					.allowEmptyShould(true));
	}

}
