package com.customerledger.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module boundaries of ARCHITECTURE.md, checked rather than trusted. */
@AnalyzeClasses(packages = "com.customerledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule querySideNeverUsesCommandSide = noClasses().that().resideInAPackage("com.customerledger.query..")
            .should().dependOnClassesThat().resideInAPackage("com.customerledger.command..");

    @ArchTest
    static final ArchRule eventsDependOnNoOtherModule = noClasses().that().resideInAPackage("com.customerledger.events..")
            .should().dependOnClassesThat().resideInAnyPackage("com.customerledger.command..", "com.customerledger.query..",
                    "com.customerledger.api..", "org.springframework..");

    @ArchTest
    static final ArchRule onlyApiUsesSpringWeb = noClasses().that().resideOutsideOfPackage("com.customerledger.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule commandSideDoesNotUseQuerySideOrApi = noClasses().that()
            .resideInAPackage("com.customerledger.command..")
            .should().dependOnClassesThat().resideInAnyPackage("com.customerledger.query..", "com.customerledger.api..");
}
