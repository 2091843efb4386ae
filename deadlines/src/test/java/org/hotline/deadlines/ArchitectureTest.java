package org.hotline.deadlines;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules the services hold their own code to, for the code they share here. */
@AnalyzeClasses(packages = "org.hotline.deadlines", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainDependsOnNothingOutsideTheDomainAndTheJdk = classes()
            .that().resideInAPackage("..domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("..domain..", "java..", "javax..",
                    "org.jspecify..");

    /** The files are parsed in the yaml package; the domain sees only its own types. */
    @ArchTest
    static final ArchRule parsingLibrariesStayInTheYamlPackage = noClasses()
            .that().resideOutsideOfPackage("..yaml..")
            .should().dependOnClassesThat().resideInAnyPackage("org.yaml..", "org.hotline.datafiles..",
                    "org.springframework..");
}
