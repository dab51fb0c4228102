package io.solbot.core.plugin;

import io.solbot.core.spi.Capability;
import io.solbot.core.spi.StrategyProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, in the order providers are offered, which ones a registry accepts. A provider is refused, with a {@link
 * PluginRefusal} naming its source and the reason, when it was built for an SPI version this solbot does not support,
 * when it throws while describing itself, when its id is malformed, when its config type is null, when it needs a
 * {@link Capability} the host does not supply, or when its id is taken (ids are compared in their {@link
 * StrategyRegistry#normalise normalised} form; the first one offered keeps it). Every refusal is logged.
 *
 * <p>One instance per registry build; not thread-safe.
 */
final class ProviderAdmission {
    /** The source of providers passed to {@link StrategyRegistry.Builder#register}. */
    static final String EXPLICIT = "registered explicitly";

    private static final Logger log = LoggerFactory.getLogger(StrategyRegistry.class);
    private static final Pattern ID_FORMAT = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    private final Set<Capability> capabilities;
    private final Map<String, RegisteredProvider> accepted = new LinkedHashMap<>();
    private final List<PluginRefusal> refusals = new ArrayList<>();
    private final Map<String, PluginRefusal> refusedByKey = new LinkedHashMap<>();

    ProviderAdmission(Set<Capability> capabilities) {
        this.capabilities = capabilities;
    }

    /** Accepts {@code provider}, found at {@code source}, or records why not. */
    void offer(StrategyProvider<?> provider, String source) {
        String type = provider.getClass().getName();
        String id;
        int spiVersion;
        Class<?> configType;
        Set<Capability> needs;
        try {
            spiVersion = provider.spiVersion();
            id = provider.id();
            if (!StrategyRegistry.SUPPORTED_SPI_VERSIONS.contains(spiVersion)) {
                refuse(
                        id == null ? "" : StrategyRegistry.normalise(id),
                        new PluginRefusal(
                                source,
                                type,
                                "id '" + id
                                        + "' was built for SPI version " + spiVersion
                                        + ", and this solbot supports SPI version " + versions()
                                        + "; use a build of the plugin for SPI " + versions()
                                        + ", or a solbot that supports "
                                        + spiVersion));
                return;
            }
            configType = provider.configType();
            needs = provider.capabilities();
        } catch (RuntimeException | LinkageError e) {
            refuse(new PluginRefusal(source, type, "it threw while describing itself: " + e));
            return;
        }
        if (id == null || !ID_FORMAT.matcher(id).matches()) {
            refuse(new PluginRefusal(
                    source,
                    type,
                    "its id '" + id
                            + "' is not valid: use lower case letters, digits and '-', starting with a letter"));
            return;
        }
        String key = StrategyRegistry.normalise(id);
        if (configType == null) {
            refuse(key, new PluginRefusal(source, type, "id '" + id + "': configType() returned null"));
            return;
        }
        Set<Capability> missing = Capability.missing(needs, capabilities);
        if (!missing.isEmpty()) {
            refuse(
                    key,
                    new PluginRefusal(
                            source,
                            type,
                            "id '" + id + "' needs " + Capability.names(missing)
                                    + ", which this engine does not supply (it supplies "
                                    + Capability.names(capabilities)
                                    + ")"));
            return;
        }
        RegisteredProvider taken = accepted.get(key);
        if (taken != null) {
            refuse(new PluginRefusal(
                    source,
                    type,
                    "id '" + id + "' is already taken by "
                            + taken.provider().getClass().getName() + " from " + taken.source()));
            return;
        }
        accepted.put(key, new RegisteredProvider(provider, source));
        log.debug("Strategy provider '{}' ({}) from {} accepted", id, type, source);
    }

    /** Records a provider that could not even be offered (it failed to load). */
    void refuse(PluginRefusal refusal) {
        refusals.add(refusal);
        log.warn(refusal.message());
    }

    /** The accepted providers by normalised id, in the order they were offered. */
    Map<String, RegisteredProvider> accepted() {
        return accepted;
    }

    /** Every refusal, in the order it happened. */
    List<PluginRefusal> refusals() {
        return refusals;
    }

    /** The first refusal of each normalised id, for providers refused after their id was known. */
    Map<String, PluginRefusal> refusedByKey() {
        return refusedByKey;
    }

    /** Refuses a provider whose id is known, so that asking for that id later names this refusal. */
    private void refuse(String key, PluginRefusal refusal) {
        refusedByKey.putIfAbsent(key, refusal);
        refuse(refusal);
    }

    private static String versions() {
        return StrategyRegistry.SUPPORTED_SPI_VERSIONS.stream()
                .sorted()
                .map(String::valueOf)
                .collect(Collectors.joining(", "));
    }
}
