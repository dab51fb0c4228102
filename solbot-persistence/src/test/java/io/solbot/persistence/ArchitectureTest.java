package io.solbot.persistence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the generated jOOQ classes and the row mapping ({@code io.solbot.persistence.internal}) out of the API: they
 * change with every migration, and a caller who held on to them would break with it.
 */
@AnalyzeClasses(packages = "io.solbot.persistence", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String INTERNAL = "io.solbot.persistence.internal";

    @ArchTest
    static final ArchRule thePublicApiNeverShowsInternalTypes = codeUnits()
            .that()
            .arePublic()
            .and()
            .areDeclaredInClassesThat()
            .arePublic()
            .and()
            .areDeclaredInClassesThat()
            .resideOutsideOfPackage(INTERNAL + "..")
            .should(new ArchCondition<JavaCodeUnit>("take and return no type of " + INTERNAL) {
                @Override
                public void check(JavaCodeUnit unit, ConditionEvents events) {
                    List<JavaClass> types = new ArrayList<>(unit.getRawParameterTypes());
                    types.add(unit.getRawReturnType());
                    for (JavaClass type : types) {
                        JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
                        if (base.getPackageName().startsWith(INTERNAL)) {
                            events.add(SimpleConditionEvent.violated(
                                    unit, unit.getFullName() + " shows " + base.getName()));
                        }
                    }
                }
            })
            .because("the generated classes change with every migration");

    @ArchTest
    static final ArchRule theStoresDoNotDependOnTheReadModels = noClasses()
            .that()
            .resideInAPackage("io.solbot.persistence")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.solbot.persistence.readmodel..")
            .because("the read models are built on the stores' tables, not the other way round");
}
