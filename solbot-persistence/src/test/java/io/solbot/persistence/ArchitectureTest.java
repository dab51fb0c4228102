package io.solbot.persistence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.solbot.core.SolbotException;
import io.solbot.core.testing.ModuleApi;
import java.lang.module.ModuleDescriptor;

/**
 * Keeps the generated jOOQ classes and the row mapping ({@code io.solbot.persistence.internal}, not exported) out of
 * the API: they change with every migration, and a caller who held on to them would break with it. And uses of
 * solbot-core go through what core exports to this module.
 */
@AnalyzeClasses(packages = "io.solbot.persistence", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** What the module-info would export; the module is automatic while Flyway has no module name (see the pom). */
    private static final ModuleApi PERSISTENCE = ModuleApi.of(ModuleDescriptor.newModule("io.solbot.persistence")
            .exports("io.solbot.persistence")
            .exports("io.solbot.persistence.journal")
            .exports("io.solbot.persistence.readmodel")
            .build());

    @ArchTest
    static final ArchRule thePublicApiNeverShowsInternalTypes = PERSISTENCE.showsOnlyExportedTypesInItsApi();

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
