package io.solbot.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.spi.StrategyProvider;
import io.solbot.core.testing.ModuleApi;
import io.solbot.strategies.sniper.SniperProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The providers are registered twice: in {@code module-info} for the module path, in {@code META-INF/services} for
 * the class path. The two lists must not drift apart.
 */
class ServiceRegistrationTest {
    @Test
    void shouldListTheSameProvidersInTheServiceFileAsInTheModuleDescriptor() throws IOException {
        List<String> serviceFile;
        try (InputStream in =
                SniperProvider.class.getResourceAsStream("/META-INF/services/" + StrategyProvider.class.getName())) {
            assertThat(in).isNotNull();
            serviceFile = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        }

        assertThat(ModuleApi.of(SniperProvider.class).providersOf(StrategyProvider.class))
                .hasSize(19)
                .containsExactlyInAnyOrderElementsOf(serviceFile);
    }
}
