package io.solbot.core.spi;

import java.util.Set;

/**
 * Makes {@link Strategy} instances of one kind ("sniper", "ma-cross") from a validated config. The engine finds
 * providers registered explicitly with its builder, on the class path, and in plugin jars, through {@link
 * java.util.ServiceLoader}: list the implementation in {@code META-INF/services/io.solbot.core.spi.StrategyProvider}.
 *
 * <p>A provider is a stateless factory with a public no-argument constructor. Its methods may be called from any
 * thread, and {@link #create} is called once per bot start or restart.
 *
 * @param <C> the config type, usually an immutable record with Bean Validation constraints
 */
public interface StrategyProvider<C> {
    /**
     * The SPI version this interface describes. Implement {@link #spiVersion()} as {@code return
     * StrategyProvider.SPI_VERSION;}: the constant is copied into the plugin when it is compiled, so the engine learns
     * which version the plugin was built against.
     */
    int SPI_VERSION = 1;

    /**
     * The strategy's id, used as the bot's mode in configs: lower case letters, digits and '-', starting with a
     * letter, for example {@code "dip-buyer"}. Configs may spell it in any case and with '_' or no separator
     * ({@code dipBuyer}); the id must be unique among all providers in that normalised form.
     */
    String id();

    /** The SPI version this provider was compiled against: {@code return StrategyProvider.SPI_VERSION;}. */
    int spiVersion();

    /** The provider's own version; by default the {@code Implementation-Version} of its jar, or {@code "dev"}. */
    default String version() {
        String version = getClass().getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** One line that says what the strategy does, for listings. */
    default String description() {
        return "";
    }

    /** The type of config {@link #create} takes. */
    Class<C> configType();

    /** What the strategy needs from the engine; the engine refuses the provider if it cannot supply one of them. */
    default Set<Capability> capabilities() {
        return Set.of();
    }

    /**
     * A new strategy instance for one bot.
     *
     * @param config the bot's config, already validated
     * @throws UnsupportedOperationException if this version of the provider only validates configs and cannot run
     *     them; the message says so
     */
    Strategy create(C config);
}
