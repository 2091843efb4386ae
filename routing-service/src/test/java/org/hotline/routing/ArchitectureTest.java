package org.hotline.routing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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

    @ArchTest
    static final ArchRule messagingDoesNotKnowTheWeb = noClasses()
            .that().resideInAPackage("..messaging..")
            .should().dependOnClassesThat().resideInAPackage("..web..");

    @ArchTest
    static final ArchRule theRulesEngineDoesNotKnowHowTheDirectoryIsLoaded = noClasses()
            .that().resideInAPackage("..rules..")
            .should().dependOnClassesThat().resideInAPackage("..directory.application..");
}
