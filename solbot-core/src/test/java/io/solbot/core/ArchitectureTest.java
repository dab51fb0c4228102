package io.solbot.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.solbot.core.testing.ModuleApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
    static final ArchRule thePublicApiNeverShowsInternalTypes = codeUnits()
            .that()
            .arePublic()
            .and()
            .areDeclaredInClassesThat()
            .arePublic()
            .and()
            .areDeclaredInClassesThat()
            .resideOutsideOfPackage("io.solbot.core.internal..")
            .should(new ArchCondition<JavaCodeUnit>("take and return no type of io.solbot.core.internal") {
                @Override
                public void check(JavaCodeUnit unit, ConditionEvents events) {
                    List<JavaClass> types = new ArrayList<>(unit.getRawParameterTypes());
                    types.add(unit.getRawReturnType());
                    for (JavaClass type : types) {
                        JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
                        if (base.getPackageName().startsWith("io.solbot.core.internal")) {
                            events.add(SimpleConditionEvent.violated(
                                    unit, unit.getFullName() + " shows " + base.getName()));
                        }
                    }
                }
            })
            .because("io.solbot.core.internal is shared by solbot's own modules, not API");

    @ArchTest
    static final ArchRule portsAndEventsDoNotDependOnTheEngine = classes()
            .that()
            .resideInAnyPackage("io.solbot.core.store..", "io.solbot.core.event..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    // the root package alone (no subpackages): SolbotException, which the ports' exceptions extend
                    "io.solbot.core",
                    "io.solbot.core.store..",
                    "io.solbot.core.event..",
                    "io.solbot.core.spi..",
                    "io.solbot.core.domain..",
                    "java.lang..",
                    "java.util..",
                    "java.time..")
            .because("adapters (solbot-persistence, alert sinks) implement the ports without pulling in the engine");

    /** The engine's API: everything else in its package is package-private. */
    private static final Set<String> ENGINE_API = Set.of(
            "SolbotEngine",
            "EngineBuilder",
            "BotSpec",
            "BotSpec$Builder",
            "BotStatus",
            "SimulatedClock",
            "OrderCheck",
            "OrderCheck$Request",
            "TickStats",
            "StartedBots",
            "TickStats$Distribution",
            "IllegalBotStateException",
            "InvalidBotSpecException",
            "NoSuchBotException");

    @ArchTest
    static final ArchRule theEngineShowsOnlyItsApi = classes()
            .that()
            .resideInAPackage("io.solbot.core.engine")
            .and(reachableFromOutside())
            .should(new ArchCondition<JavaClass>("be one of the engine's API types " + ENGINE_API) {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    String name = c.getName().substring("io.solbot.core.engine.".length());
                    if (!ENGINE_API.contains(name)) {
                        events.add(SimpleConditionEvent.violated(c, c.getName() + " can be used outside the engine"));
                    }
                }
            })
            .because("the scheduler, lanes, order pipeline and hot state are internals (STYLE 1)");

    /** Public, and so are all the types it is nested in: a nested public type of a hidden class is hidden too. */
    private static DescribedPredicate<JavaClass> reachableFromOutside() {
        return new DescribedPredicate<>("are reachable from outside their package") {
            @Override
            public boolean test(JavaClass c) {
                for (JavaClass t = c; t != null; t = t.getEnclosingClass().orElse(null)) {
                    if (!t.getModifiers().contains(JavaModifier.PUBLIC)) {
                        return false;
                    }
                }
                return true;
            }
        };
    }
}
