package io.solbot.core.plugin;

import static io.solbot.core.testing.PluginJars.providerSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.safety.SafetyGate;
import io.solbot.core.testing.FixedPriceMarket;
import io.solbot.core.testing.PluginJars;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery through a {@code META-INF/services} entry on the class path. The build runs this class on the class path
 * (its own surefire execution): in the module, where the other tests run, a service entry of the module itself is
 * ignored by {@link java.util.ServiceLoader}, and a test class cannot be named in the module's {@code provides}.
 */
class ClassPathDiscoveryTest {
    @TempDir
    Path plugins;

    @Test
    void shouldDiscoverProvidersOnTheClassPath() {
        try (StrategyRegistry registry =
                StrategyRegistry.builder().discoverClassPath().build()) {
            assertThat(registry.find("class-path-test")).hasValueSatisfying(p -> {
                assertThat(p.provider()).isInstanceOf(ClassPathTestProvider.class);
                assertThat(p.source()).contains("test-classes");
            });
            assertThat(registry.refusals()).isEmpty();
        }
    }

    @Test
    void shouldDiscoverSafetyChecksOnTheClassPathAfterTheBuiltInOnes() {
        SafetyGate gate =
                SafetyGate.builder(new FixedPriceMarket()).discoverChecks().build();

        assertThat(gate.checkIds())
                .containsExactly(
                        "mint-authority",
                        "freeze-authority",
                        "token-extensions",
                        "top-holders",
                        "liquidity",
                        "honeypot",
                        "class-path-check");
    }

    @Test
    void shouldSayWhenAPluginJarsProviderIsShadowedByTheSameClassOnTheClassPath() throws IOException {
        // a newer build of the class-path provider dropped into the plugins directory: same class name, other id
        String name = ClassPathTestProvider.class.getName();
        Path jar = PluginJars.builder()
                .source(name, providerSource(name, "class-path-test-v2", 1))
                .service(name)
                .writeTo(plugins, "shadowed.jar");

        try (StrategyRegistry registry = StrategyRegistry.builder()
                .discoverClassPath()
                .discoverPluginsDir(plugins)
                .build()) {
            assertThat(registry.find("class-path-test-v2")).isEmpty();
            assertThat(registry.find("class-path-test"))
                    .hasValueSatisfying(p -> assertThat(p.source()).contains("test-classes"));
            assertThat(registry.refusals()).singleElement().satisfies(r -> {
                assertThat(r.source()).isEqualTo(jar.toString());
                assertThat(r.provider()).isEqualTo(name);
                assertThat(r.message())
                        .contains("the class path has the same class")
                        .contains("this jar's copy is never used")
                        .contains("test-classes")
                        .contains("remove the jar from the plugins directory or the class from the class path");
            });
        }
    }
}
