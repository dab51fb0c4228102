package io.solbot.strategies.turbosniper;

import io.solbot.core.config.Between;

/** Splits each buy into {@code tranches} (1 to 20) parts {@code trancheDelayMs} apart. */
public record Iceberg(
        Boolean enabled,
        @Between(min = "1", max = "20") Integer tranches,
        @Between(min = "0", unit = "ms") Long trancheDelayMs) {}
