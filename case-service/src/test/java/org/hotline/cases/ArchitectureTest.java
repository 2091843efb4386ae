package org.hotline.cases;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.hotline.cases", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainDependsOnNothingOutsideTheDomainAndTheJdk = classes()
            .that().resideInAPackage("..domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("..domain..", "java..", "javax..",
                    "org.jspecify..");

    @ArchTest
    static final ArchRule applicationKnowsNoAdaptersNorSpringNorKafka = noClasses()
            .that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("..messaging..", "..web..", "..config..",
                    "org.apache.kafka..", "org.springframework..", "tools.jackson..");

    /**
     * Features depend on each other one way, never in a circle. The case files' stream processor runs the escalation
     * ladder's silence check while the ladder reads case files: the topology that wires both is a package of its own
     * ({@code topology}), so no exception is needed.
     */
    @ArchTest
    static final ArchRule featuresDependOnEachOtherOneWay = slices()
            .matching("org.hotline.cases.(*)..")
            .should().beFreeOfCycles();

    /** Files and messages are parsed in adapters; the domain and the use cases see only their own types. */
    @ArchTest
    static final ArchRule parsingLibrariesStayInAdapters = noClasses()
            .that().resideInAnyPackage("..domain..", "..application..")
            .should().dependOnClassesThat().resideInAnyPackage("org.yaml..", "tools.jackson..",
                    "com.fasterxml.jackson..", "org.hotline.datafiles..");
}
