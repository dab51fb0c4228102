package io.solbot.strategies.turbosniper;

import io.solbot.core.config.OneOf;
import java.util.List;

/** After a buy, run the {@code chain} of follow-ups ({@code tp}, {@code trail}, {@code alerts}), queued if asked. */
public record PostTx(List<@OneOf({"tp", "trail", "alerts"}) String> chain, Boolean ensureQueued) {}
