package org.hotline.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.hotline.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNeitherSpringNorKafkaNorJackson = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "tools.jackson..", "com.fasterxml..", "jakarta..", "io.micrometer..");

    @ArchTest
    static final ArchRule applicationKnowsNoAdapters = noClasses()
            .that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "..messaging..", "org.apache.kafka..",
                    "org.springframework.kafka..", "org.springframework.web..");

    @ArchTest
    static final ArchRule webAndMessagingDoNotKnowEachOther = noClasses()
            .that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("..messaging..");

    @ArchTest
    static final ArchRule domainDependsOnNothingOutsideTheDomainAndTheJdk = classes()
            .that().resideInAPackage("..complaint.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("..complaint.domain..", "java..", "javax..",
                    "org.jspecify..");

    /** Features depend on each other one way, never in a circle. */
    @ArchTest
    static final ArchRule featuresDependOnEachOtherOneWay = slices()
            .matching("org.hotline.intake.(*)..")
            .should().beFreeOfCycles();

    /** Files and messages are parsed in adapters; the domain and the use cases see only their own types. */
    @ArchTest
    static final ArchRule parsingLibrariesStayInAdapters = noClasses()
            .that().resideInAnyPackage("..domain..", "..application..")
            .should().dependOnClassesThat().resideInAnyPackage("org.yaml..", "tools.jackson..",
                    "com.fasterxml.jackson..", "org.hotline.datafiles..");
}
