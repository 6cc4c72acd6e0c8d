package io.kellydesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The package rules of the README's layout, checked on every build. */
@AnalyzeClasses(packages = "io.kellydesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsPureJava = noClasses().that().resideInAPackage("io.kellydesk.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "okhttp3..", "java.sql..", "org.sqlite..", "com.fasterxml..")
            .orShould().dependOnClassesThat().resideOutsideOfPackages("java..", "io.kellydesk.core..")
            .because("the sizing method must be auditable on its own, with no UI, HTTP, SQL or JSON in it");

    @ArchTest
    static final ArchRule onlyFeedsSpeakHttp = noClasses().that().resideOutsideOfPackage("io.kellydesk.feeds..")
            .should().dependOnClassesThat().resideInAPackage("okhttp3..")
            .because("only the feeds package speaks HTTP to the upstream services");

    @ArchTest
    static final ArchRule onlyStoreOpensSql = noClasses().that().resideOutsideOfPackage("io.kellydesk.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
            .because("only the store package opens the SQLite decision log");

    @ArchTest
    static final ArchRule nothingImportsTheCompositionRoot = noClasses().that().resideOutsideOfPackage("io.kellydesk.app..")
            .should().dependOnClassesThat().resideInAPackage("io.kellydesk.app..")
            .because("app wires everything; nothing depends on it");

    @ArchTest
    static final ArchRule deskTouchesNoTransportOrStorage = noClasses().that().resideInAPackage("io.kellydesk.desk..")
            .should().dependOnClassesThat().resideInAnyPackage("io.kellydesk.feeds..", "io.kellydesk.store..")
            .because("the desk sees values and engine commands, never HTTP clients or JDBC");

    @ArchTest
    static final ArchRule onlyDeskAndAppUseJavaFx = noClasses().that().resideOutsideOfPackages("io.kellydesk.desk..", "io.kellydesk.app..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("JavaFX belongs to the UI; logic runs and is tested without it");

    @ArchTest
    static void noConsolePrintingOutsideTheCommandLine(JavaClasses classes) {
        // The launcher's --help, --version and option errors are meant for the terminal; all else logs.
        noClasses().that().doNotHaveFullyQualifiedName("io.kellydesk.app.Launcher")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .check(classes);
    }

    @ArchTest
    static final ArchRule noJavaUtilLogging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    /** No two packages depend on each other, however indirectly (issue 17: the first of the package rules). */
    @ArchTest
    static final ArchRule PACKAGES_ARE_FREE_OF_CYCLES = com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
            .matching("io.kellydesk.(*)..").should().beFreeOfCycles();
}
