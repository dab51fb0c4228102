package io.solbot.core.market;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Market data sits below execution and the engine: it is read by them and knows none of them. */
@AnalyzeClasses(packages = "io.solbot.core", importOptions = ImportOption.DoNotIncludeTests.class)
class MarketArchitectureTest {
    @ArchTest
    static final ArchRule marketDependsOnNoExecutorEngineOrStore = noClasses()
            .that()
            .resideInAPackage("io.solbot.core.market..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.solbot.core.execution..",
                    "io.solbot.core.engine..",
                    "io.solbot.core.store..",
                    "io.solbot.core.spi..")
            .because("executors and the engine read the market; the market must not reach back into them");

    @ArchTest
    static final ArchRule executionDependsOnNoEngineOrStore = noClasses()
            .that()
            .resideInAPackage("io.solbot.core.execution..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.solbot.core.engine..", "io.solbot.core.store..", "io.solbot.core.spi..")
            .because("the engine drives executors through the SwapExecutor port, never the other way round");
}
