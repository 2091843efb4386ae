package org.hotline.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.hotline.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNeitherSpringNorKafkaNorJacksonNorMail = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "tools.jackson..", "com.fasterxml..", "jakarta..", "org.eclipse.angus..", "io.micrometer..",
                    "org.thymeleaf..");

    @ArchTest
    static final ArchRule domainDependsOnNothingOutsideTheDomainAndTheJdk = classes()
            .that().resideInAPackage("..domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("..domain..", "java..", "javax..",
                    "org.jspecify..");

    @ArchTest
    static final ArchRule applicationKnowsNoAdapters = noClasses()
            .that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("..messaging..", "..mail..", "..ledger..",
                    "..config..", "org.apache.kafka..", "org.springframework..", "jakarta.mail..",
                    "org.thymeleaf..", "tools.jackson..");

    @ArchTest
    static final ArchRule adaptersDoNotKnowEachOther = noClasses()
            .that().resideInAnyPackage("..mail..", "..ledger..")
            .should().dependOnClassesThat().resideInAnyPackage("..messaging..");

    /** Features depend on each other one way, never in a circle. */
    @ArchTest
    static final ArchRule featuresDependOnEachOtherOneWay = slices()
            .matching("org.hotline.notification.(*)..")
            .should().beFreeOfCycles();

    /** Files and messages are parsed in adapters; the domain and the use cases see only their own types. */
    @ArchTest
    static final ArchRule parsingLibrariesStayInAdapters = noClasses()
            .that().resideInAnyPackage("..domain..", "..application..")
            .should().dependOnClassesThat().resideInAnyPackage("org.yaml..", "tools.jackson..",
                    "com.fasterxml.jackson..", "org.hotline.datafiles..");
}
