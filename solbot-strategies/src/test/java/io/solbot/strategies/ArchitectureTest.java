package io.solbot.strategies;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.solbot.core.spi.StrategyProvider;
import io.solbot.core.testing.ModuleApi;
import io.solbot.strategies.sniper.SniperProvider;

/** The built-in strategies are written against solbot-core's API only, the way a plugin author's would be. */
@AnalyzeClasses(packages = "io.solbot.strategies", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule strategiesUseOnlyWhatCoreExports =
            ModuleApi.of(StrategyProvider.class).usedOnlyThroughItsExportsBy("io.solbot.strategies");

    @ArchTest
    static final ArchRule theApiShowsOnlyExportedTypes =
            ModuleApi.of(SniperProvider.class).showsOnlyExportedTypesInItsApi();
}
