package io.solbot.persistence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.solbot.core.SolbotException;
import io.solbot.core.testing.ModuleApi;

/**
 * Keeps the generated jOOQ classes and the row mapping ({@code io.solbot.persistence.internal}, not exported) out of
 * the API: they change with every migration, and a caller who held on to them would break with it. And uses of
 * solbot-core go through what core exports to this module.
 */
@AnalyzeClasses(packages = "io.solbot.persistence", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule thePublicApiNeverShowsInternalTypes =
            ModuleApi.of(PostgresDatabase.class).showsOnlyExportedTypesInItsApi();

    @ArchTest
    static final ArchRule persistenceUsesOnlyWhatCoreExportsToIt =
            ModuleApi.of(SolbotException.class).usedOnlyThroughItsExportsBy("io.solbot.persistence");

    @ArchTest
    static final ArchRule theStoresDoNotDependOnTheReadModels = noClasses()
            .that()
            .resideInAPackage("io.solbot.persistence")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.solbot.persistence.readmodel..")
            .because("the read models are built on the stores' tables, not the other way round");
}
