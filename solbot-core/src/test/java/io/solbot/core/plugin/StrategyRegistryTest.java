package io.solbot.core.plugin;

import static io.solbot.core.testing.PluginJars.providerSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.spi.Capability;
import io.solbot.core.spi.StrategyProvider;
import io.solbot.core.testing.PluginJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrategyRegistryTest {
    @TempDir
    Path plugins;

    @Test
    void shouldDiscoverAProviderFromAJarInThePluginsDirectory() throws IOException {
        Path jar = PluginJars.builder()
                .source("acme.GridProvider", providerSource("acme.GridProvider", "grid", 1, "prices"))
                .service("acme.GridProvider")
                .version("2.3.4")
                .writeTo(plugins, "acme-grid.jar");

        try (StrategyRegistry registry =
                StrategyRegistry.builder().discoverPluginsDir(plugins).build()) {
            RegisteredProvider grid = registry.require("grid");
            assertThat(grid.source()).isEqualTo(jar.toString());
            assertThat(grid.provider().version()).isEqualTo("2.3.4");
            assertThat(grid.provider().capabilities()).containsExactly(Capability.PRICES);
            assertThat(grid.provider().getClass().getClassLoader())
                    .isNotSameAs(getClass().getClassLoader());
            assertThat(registry.refusals()).isEmpty();
        }
    }

    @Test
    void shouldRefuseAProviderBuiltForAnUnsupportedSpiVersionNamingItsJar() throws IOException {
        Path jar = PluginJars.builder()
                .source("acme.FutureProvider", providerSource("acme.FutureProvider", "future", 99))
                .service("acme.FutureProvider")
                .writeTo(plugins, "acme-future.jar");

        try (StrategyRegistry registry =
                StrategyRegistry.builder().discoverPluginsDir(plugins).build()) {
            assertThat(registry.providers()).isEmpty();
            assertThat(registry.refusals()).singleElement().satisfies(r -> {
                assertThat(r.source()).isEqualTo(jar.toString());
                assertThat(r.provider()).isEqualTo("acme.FutureProvider");
                assertThat(r.message())
                        .contains("acme-future.jar")
                        .contains("SPI version 99")
                        .contains("supports SPI version 1");
            });
            assertThatThrownBy(() -> registry.require("future"))
                    .isInstanceOf(UnknownStrategyException.class)
                    .hasMessageContaining("SPI version 99");
        }
    }

    @Test
    void shouldRefuseASecondProviderWithTheSameIdAndKeepTheFirst() throws IOException {
        PluginJars.builder()
                .source("acme.SniperA", providerSource("acme.SniperA", "sniper", 1))
                .service("acme.SniperA")
                .writeTo(plugins, "a-sniper.jar");
        Path second = PluginJars.builder()
                .source("other.SniperB", providerSource("other.SniperB", "sniper", 1))
                .service("other.SniperB")
                .writeTo(plugins, "b-sniper.jar");

        try (StrategyRegistry registry =
                StrategyRegistry.builder().discoverPluginsDir(plugins).build()) {
            assertThat(registry.require("sniper").provider().getClass().getName())
                    .isEqualTo("acme.SniperA");
            assertThat(registry.refusals()).singleElement().satisfies(r -> {
                assertThat(r.source()).isEqualTo(second.toString());
                assertThat(r.message())
                        .contains("b-sniper.jar")
                        .contains("'sniper' is already taken by acme.SniperA")
                        .contains("a-sniper.jar");
            });
        }
    }

    @Test
    void shouldTreatIdsThatDifferOnlyInCaseOrSeparatorsAsDuplicates() throws IOException {
        PluginJars.builder()
                .source("acme.Dip", providerSource("acme.Dip", "dipbuyer", 1))
                .service("acme.Dip")
                .writeTo(plugins, "dip.jar");

        try (StrategyRegistry registry = StrategyRegistry.builder()
                .register(new ClassPathTestProvider() {
                    @Override
                    public String id() {
                        return "dip-buyer";
                    }
                })
                .discoverPluginsDir(plugins)
                .build()) {
            assertThat(registry.require("dipBuyer").id()).isEqualTo("dip-buyer");
            assertThat(registry.require("DIP_BUYER").source()).isEqualTo("registered explicitly");
            assertThat(registry.refusals())
                    .singleElement()
                    .satisfies(r -> assertThat(r.message()).contains("dip.jar").contains("already taken"));
        }
    }

    @Test
    void shouldRefuseAProviderThatNeedsACapabilityTheHostDoesNotSupply() throws IOException {
        Path jar = PluginJars.builder()
                .source("acme.Launch", providerSource("acme.Launch", "launch-sniper", 1, "prices", "new-tokens"))
                .service("acme.Launch")
                .source("acme.Mempool", providerSource("acme.Mempool", "mempool", 1, "mempool-stream"))
                .service("acme.Mempool")
                .writeTo(plugins, "acme-launch.jar");

        try (StrategyRegistry registry = StrategyRegistry.builder()
                .capabilities(Set.of(Capability.PRICES, Capability.POOLS))
                .discoverPluginsDir(plugins)
                .build()) {
            assertThat(registry.providers()).isEmpty();
            assertThat(registry.refusals())
                    .extracting(PluginRefusal::message)
                    .containsExactly(
                            "Strategy provider acme.Launch from " + jar
                                    + " was refused: id 'launch-sniper' needs [new-tokens], which this engine does"
                                    + " not supply (it supplies [pools, prices])",
                            "Strategy provider acme.Mempool from " + jar
                                    + " was refused: id 'mempool' needs [mempool-stream], which this engine does"
                                    + " not supply (it supplies [pools, prices])");
        }
    }

    @Test
    void shouldRefuseAnIdThatIsNotLowerCaseKebab() throws IOException {
        PluginJars.builder()
                .source("acme.Bad", providerSource("acme.Bad", "Bad Id", 1))
                .service("acme.Bad")
                .writeTo(plugins, "bad.jar");

        try (StrategyRegistry registry =
                StrategyRegistry.builder().discoverPluginsDir(plugins).build()) {
            assertThat(registry.refusals())
                    .singleElement()
                    .satisfies(
                            r -> assertThat(r.message()).contains("bad.jar").contains("its id 'Bad Id' is not valid"));
        }
    }

    @Test
    void shouldReportAServiceEntryThatCannotBeLoadedAndKeepLoadingTheRest() throws IOException {
        Path jar = PluginJars.builder()
                .source("acme.Good", providerSource("acme.Good", "good", 1))
                .service("acme.Missing")
                .service("acme.Good")
                .writeTo(plugins, "mixed.jar");

        try (StrategyRegistry registry =
                StrategyRegistry.builder().discoverPluginsDir(plugins).build()) {
            assertThat(registry.find("good")).isPresent();
            assertThat(registry.refusals()).singleElement().satisfies(r -> {
                assertThat(r.source()).isEqualTo(jar.toString());
                assertThat(r.reason()).contains("acme.Missing");
            });
        }
    }

    @Test
    void shouldRefuseAProviderThatThrowsWhileDescribingItself() {
        StrategyProvider<String> broken = new ClassPathTestProvider() {
            @Override
            public String id() {
                throw new IllegalStateException("boom");
            }
        };
        try (StrategyRegistry registry =
                StrategyRegistry.builder().register(broken).build()) {
            assertThat(registry.refusals())
                    .singleElement()
                    .satisfies(r -> assertThat(r.message())
                            .contains("registered explicitly")
                            .contains("threw while describing itself")
                            .contains("boom"));
        }
    }

    @Test
    void shouldSuggestTheClosestIdForAMisspeltMode() {
        try (StrategyRegistry registry =
                StrategyRegistry.builder().register(new ClassPathTestProvider()).build()) {
            assertThatThrownBy(() -> registry.require("class-path-tset"))
                    .isInstanceOf(UnknownStrategyException.class)
                    .hasMessageContaining("Unknown strategy 'class-path-tset': did you mean 'class-path-test'?");
            assertThatThrownBy(() -> registry.require("zzz"))
                    .hasMessageNotContaining("did you mean")
                    .hasMessageContaining("Known strategies: class-path-test");
        }
    }

    @Test
    void shouldFailClearlyWhenThePluginsDirectoryDoesNotExist() {
        Path missing = plugins.resolve("nope");
        assertThatThrownBy(() ->
                        StrategyRegistry.builder().discoverPluginsDir(missing).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void shouldIgnoreFilesInThePluginsDirectoryThatAreNotJars() throws IOException {
        Files.writeString(plugins.resolve("README.txt"), "not a plugin");
        try (StrategyRegistry registry =
                StrategyRegistry.builder().discoverPluginsDir(plugins).build()) {
            assertThat(registry.providers()).isEmpty();
            assertThat(registry.refusals()).isEmpty();
        }
    }
}
