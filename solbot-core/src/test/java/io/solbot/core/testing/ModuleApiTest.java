package io.solbot.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import io.solbot.core.SolbotException;
import io.solbot.core.codec.FillJson;
import io.solbot.core.internal.Names;
import io.solbot.core.spi.StrategyProvider;
import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Public, as are the fixtures nested in it: the API rule looks at classes a caller can see, enclosing ones too. */
public class ModuleApiTest {
    /** solbot-core as far as these tests need it, with this package exported so that the fixtures below are API. */
    private static final ModuleApi CORE = ModuleApi.of(ModuleDescriptor.newModule("io.solbot.core")
            .exports("io.solbot.core.spi")
            .exports("io.solbot.core.testing")
            .exports("io.solbot.core.codec", Set.of("io.solbot.persistence"))
            .build());

    public static class UsesAnInternalType {
        int distance() {
            return Names.distance("a", "b");
        }
    }

    public static class UsesAPackageExportedToAnotherModule {
        String text(FillJson fill) {
            return fill.toString();
        }
    }

    public static class UsesOnlyExportedTypes {
        int spi() {
            return StrategyProvider.SPI_VERSION;
        }
    }

    public static class ShowsAnInternalType {
        public Names names() {
            return null;
        }
    }

    public static class ShowsAnInternalTypeAsATypeArgument {
        public void take(List<Names> names) {}
    }

    public static class KeepsInternalTypesToItself {
        Names names;

        private Names names() {
            return names;
        }
    }

    @Test
    void shouldFailWhenAnotherModuleUsesAPackageThatIsNotExported() {
        EvaluationResult result =
                CORE.usedOnlyThroughItsExportsBy("io.solbot.core.testing").evaluate(classes(UsesAnInternalType.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains(Names.class.getName()));
    }

    @Test
    void shouldFailWhenAnotherModuleUsesAPackageExportedToOthersOnly() {
        EvaluationResult result = CORE.usedOnlyThroughItsExportsBy("io.solbot.core.testing")
                .evaluate(classes(UsesAPackageExportedToAnotherModule.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains(FillJson.class.getName()));
    }

    @Test
    void shouldPassWhenAnotherModuleUsesOnlyExportedPackages() {
        assertThat(CORE.usedOnlyThroughItsExportsBy("io.solbot.core.testing")
                        .evaluate(classes(UsesOnlyExportedTypes.class))
                        .hasViolation())
                .isFalse();
    }

    @Test
    void shouldFailWhenAnExportedClassShowsATypeOfAPackageThatIsNotExported() {
        EvaluationResult result = CORE.showsOnlyExportedTypesInItsApi().evaluate(classes(ShowsAnInternalType.class));

        assertThat(result.getFailureReport().getDetails())
                .singleElement()
                .asString()
                .contains(ShowsAnInternalType.class.getName() + " shows " + Names.class.getName());
    }

    @Test
    void shouldFailWhenAnExportedClassShowsAnInternalTypeAsATypeArgument() {
        assertThat(CORE.showsOnlyExportedTypesInItsApi()
                        .evaluate(classes(ShowsAnInternalTypeAsATypeArgument.class))
                        .hasViolation())
                .isTrue();
    }

    @Test
    void shouldIgnoreInternalTypesInMembersThatAreNotApi() {
        assertThat(CORE.showsOnlyExportedTypesInItsApi()
                        .evaluate(classes(KeepsInternalTypesToItself.class))
                        .hasViolation())
                .isFalse();
    }

    @Test
    void shouldReadWhatTheRealModuleExports() {
        ModuleApi core = ModuleApi.of(SolbotException.class);

        assertThat(core.name()).isEqualTo("io.solbot.core");
        assertThat(core.exportsToAll("io.solbot.core.spi")).isTrue();
        assertThat(core.exportsToAll("io.solbot.core.codec")).isFalse();
        assertThat(core.exportsTo("io.solbot.core.codec", "io.solbot.persistence"))
                .isTrue();
        // the crash points: to persistence, and to no other module
        assertThat(core.exportsTo("io.solbot.core.internal", "io.solbot.persistence"))
                .isTrue();
        assertThat(core.exportsToAll("io.solbot.core.internal")).isFalse();
        assertThat(core.exportsTo("io.solbot.core.internal", "io.solbot.strategies"))
                .isFalse();
        assertThat(core.exportsTo("io.solbot.core.config.internal", "io.solbot.strategies"))
                .isFalse();
    }

    private static JavaClasses classes(Class<?>... types) {
        return new ClassFileImporter().importClasses(types);
    }
}
