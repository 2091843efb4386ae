package org.hotline.routing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.hotline.routing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNeitherSpringNorKafkaNorJackson = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "tools.jackson..", "com.fasterxml..", "jakarta..", "io.micrometer..", "org.yaml..");

    @ArchTest
    static final ArchRule domainDependsOnNothingOutsideTheDomainsAndTheJdk = classes()
            .that().resideInAPackage("..domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("..directory.domain..", "..rules.domain..",
                    "java..", "org.jspecify..");

    @ArchTest
    static final ArchRule applicationKnowsNoAdaptersNorFrameworks = noClasses()
            .that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "..messaging..", "..config..",
                    "org.apache.kafka..", "org.springframework..", "io.micrometer..");

    @ArchTest
    static final ArchRule webAndMessagingDoNotKnowEachOther = noClasses()
            .that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("..messaging..");

    /** The service's Kafka adapters do not know its HTTP adapters (the shared web-support library is not one). */
    @ArchTest
    static final ArchRule messagingDoesNotKnowTheWeb = noClasses()
            .that().resideInAPackage("..messaging..")
            .should().dependOnClassesThat().resideInAPackage("org.hotline.routing..web..");

    @ArchTest
    static final ArchRule theRulesEngineDoesNotKnowHowTheDirectoryIsLoaded = noClasses()
            .that().resideInAPackage("..rules.domain..")
            .should().dependOnClassesThat().resideInAPackage("..directory.application..");

    /** complaint -> rules -> directory, never back: the directory knows nothing of the rules read against it. */
    @ArchTest
    static final ArchRule featuresDependOnEachOtherOneWay = slices()
            .matching("org.hotline.routing.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theDirectoryKnowsNeitherTheRulesNorTheComplaints = noClasses()
            .that().resideInAPackage("..routing.directory..")
            .should().dependOnClassesThat().resideInAnyPackage("..routing.rules..", "..routing.complaint..");

    @ArchTest
    static final ArchRule parsingLibrariesStayInAdapters = noClasses()
            .that().resideInAnyPackage("..domain..", "..application..")
            .should().dependOnClassesThat().resideInAnyPackage("org.yaml..", "tools.jackson..",
                    "com.fasterxml.jackson..", "org.hotline.datafiles..");
}
