package io.solbot.strategies.schedulelauncher;

import io.solbot.strategies.common.ValidationOnlyProvider;

/** The {@code schedule-launcher} strategy: buys on a schedule (interval) or at limit price tiers. Validates configs only in this version. */
public final class ScheduleLauncherProvider extends ValidationOnlyProvider<ScheduleLauncherConfig> {
    public ScheduleLauncherProvider() {
        super(
                "schedule-launcher",
                "Buys on a schedule (interval) or at limit price tiers",
                ScheduleLauncherConfig.class);
    }
}
