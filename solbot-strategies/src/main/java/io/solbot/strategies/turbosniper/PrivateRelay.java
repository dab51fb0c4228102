package io.solbot.strategies.turbosniper;

import static io.solbot.strategies.turbosniper.Enabled.on;

import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.OneOf;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** Send through private relays ({@code urls}, https; at least one when enabled) as a {@code bundle} or a {@code tx}. */
@CrossField
public record PrivateRelay(
        Boolean enabled,
        List<@Pattern(regexp = "https://\\S+", message = "must be an https URL") String> urls,
        @OneOf({"bundle", "tx"}) String mode)
        implements CrossFieldRules {
    @Override
    public void check(Rules rules) {
        if (on(enabled) && (urls == null || urls.isEmpty())) {
            rules.reject("urls", urls, "must list at least one relay URL when enabled is true");
        }
    }
}
