package io.solbot.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Discovery through a {@code META-INF/services} entry on the class path. The build runs this class on the class path
 * (its own surefire execution): in the module, where the other tests run, a service entry of the module itself is
 * ignored by {@link java.util.ServiceLoader}, and a test class cannot be named in the module's {@code provides}.
 */
class ClassPathDiscoveryTest {
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
}
