package io.solbot.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.solbot.core.testing.ModuleApi;

/**
 * Keeps what plugin authors see free of adapters: the SPI and the domain depend on the JDK's core packages and on
 * each other only, never on JDBC, HTTP, JSON, Solana clients or the engine's internals.
 */
@AnalyzeClasses(packages = "io.solbot.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule spiAndDomainDependOnlyOnTheJdkCoreAndEachOther = classes()
            .that()
            .resideInAnyPackage("io.solbot.core.spi..", "io.solbot.core.domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "io.solbot.core.spi..",
                    "io.solbot.core.domain..",
                    "java.lang..",
                    "java.util..",
                    "java.math..",
                    "java.time..")
            .because("strategies see only the SPI and the domain; adapters (JDBC, HTTP, Solana) stay behind ports");

    @ArchTest
    static final ArchRule theApiShowsOnlyExportedTypes =
            ModuleApi.of(SolbotException.class).showsOnlyExportedTypesInItsApi();

    @ArchTest
    static final ArchRule configInternalsStayBehindTheConfigPackage = noClasses()
            .that()
            .resideOutsideOfPackage("io.solbot.core.config..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.solbot.core.config.internal..")
            .because(
                    "io.solbot.core.config.internal is the config package's implementation; the module does not export it");

    @ArchTest
    static final ArchRule portsAndEventsDoNotDependOnTheEngine = classes()
            .that()
            .resideInAnyPackage("io.solbot.core.store..", "io.solbot.core.event..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "io.solbot.core.store..",
                    "io.solbot.core.event..",
                    "io.solbot.core.spi..",
                    "io.solbot.core.domain..",
                    "java.lang..",
                    "java.util..",
                    "java.time..")
            .because("adapters (solbot-persistence, alert sinks) implement the ports without pulling in the engine");

    @ArchTest
    static final ArchRule theEngineShowsOnlyItsEntryPointSpecStatusAndClock = classes()
            .that()
            .resideInAPackage("io.solbot.core.engine")
            .and()
            .arePublic()
            .should()
            .haveSimpleNameEndingWith("Engine")
            .orShould()
            .haveSimpleNameEndingWith("Spec")
            .orShould()
            .haveSimpleNameEndingWith("Status")
            .orShould()
            .haveSimpleNameEndingWith("Clock")
            .orShould()
            .haveSimpleNameEndingWith("Exception")
            .orShould()
            .haveSimpleNameEndingWith("Builder")
            .because("the scheduler, lanes, order desk and hot state are internals (STYLE 1)");
}
