package io.kellydesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    /**
     * The package matrix of the README's layout: who may use whom. Nothing is exempt. {@code tasks} (executors and
     * back-off, no project import) is a floor every package but {@code core} may stand on.
     */
    @ArchTest
    static final ArchRule PACKAGE_MATRIX = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("core").definedBy("io.kellydesk.core..")
            .layer("tasks").definedBy("io.kellydesk.tasks..")
            .layer("settings").definedBy("io.kellydesk.settings..")
            .layer("feeds").definedBy("io.kellydesk.feeds..")
            .layer("handoff").definedBy("io.kellydesk.handoff..")
            .layer("demo").definedBy("io.kellydesk.demo..")
            .layer("store").definedBy("io.kellydesk.store..")
            .layer("engine").definedBy("io.kellydesk.engine..")
            .layer("desk").definedBy("io.kellydesk.desk..")
            .layer("api").definedBy("io.kellydesk.api..")
            .layer("app").definedBy("io.kellydesk.app..")
            .whereLayer("core").mayNotAccessAnyLayer()
            .whereLayer("tasks").mayNotAccessAnyLayer()
            .whereLayer("settings").mayOnlyAccessLayers("core")
            .whereLayer("feeds").mayOnlyAccessLayers("core", "tasks")
            .whereLayer("handoff").mayOnlyAccessLayers("core", "tasks")
            .whereLayer("demo").mayOnlyAccessLayers("core")
            .whereLayer("store").mayOnlyAccessLayers("core")
            .whereLayer("engine").mayOnlyAccessLayers("core", "tasks", "feeds", "store", "handoff", "settings")
            .whereLayer("desk").mayOnlyAccessLayers("core", "tasks", "engine")
            .whereLayer("api").mayOnlyAccessLayers("core", "tasks", "engine")
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .because("each package uses only what sits below it; the desk reaches settings and handoff through the engine's ports");

    /** No two packages depend on each other, however indirectly; nor two feature packages of the desk. */
    @ArchTest
    static final ArchRule PACKAGES_ARE_FREE_OF_CYCLES = slices().matching("io.kellydesk.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule DESK_FEATURES_ARE_FREE_OF_CYCLES = slices().matching("io.kellydesk.desk.(*)..").should().beFreeOfCycles();

    /** Views bind; background work goes through the view model's task helper, never an executor in a view. */
    @ArchTest
    static final ArchRule NO_DESK_VIEW_TAKES_AN_EXECUTOR = noClasses().that().resideInAPackage("io.kellydesk.desk..")
            .and().haveSimpleNameEndingWith("View")
            .should().dependOnClassesThat().areAssignableTo(java.util.concurrent.Executor.class)
            .orShould().dependOnClassesThat().areAssignableTo(io.kellydesk.tasks.TaskExecutor.class)
            .because("a view binds to its view model; slow work runs through FxTasks");
}
