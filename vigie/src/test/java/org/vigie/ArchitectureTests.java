package org.vigie;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** Rules Spring Modulith does not cover (STYLE.md §4). */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.vigie");

	@Test
	void connectorsDoNotTouchPersistence() {
		noClasses().that().resideInAPackage("org.vigie.connectors..")
			.should().dependOnClassesThat().resideInAnyPackage("org.springframework.data..", "jakarta.persistence..",
					"org.springframework.jdbc..", "java.sql..")
			.allowEmptyShould(true)
			.check(CLASSES);
	}

	@Test
	void noStandardStreamsOutsideTheCommandLineEntryPoint() {
		noClasses().that().doNotHaveFullyQualifiedName("org.vigie.VigieApplication")
			.should().accessField(System.class, "out")
			.orShould().accessField(System.class, "err")
			.check(CLASSES);
	}

	@Test
	void noGenericExceptionsThrown() {
		NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(CLASSES);
	}

	@Test
	void loggersArePrivateStaticFinal() {
		fields().that().haveRawType(Logger.class)
			.should().bePrivate().andShould().beStatic().andShould().beFinal()
			.allowEmptyShould(true)
			.check(CLASSES);
	}

	@Test
	void featureModulesHaveNoCycles() {
		slices().matching("org.vigie.(*)..").should().beFreeOfCycles().check(CLASSES);
	}
}
