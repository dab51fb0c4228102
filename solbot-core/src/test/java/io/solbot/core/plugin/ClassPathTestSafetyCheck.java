package io.solbot.core.plugin;

import io.solbot.core.safety.CheckResult;
import io.solbot.core.safety.SafetyCheck;
import io.solbot.core.safety.SafetyContext;

/** A safety check registered in this module's test {@code META-INF/services}, for {@link ClassPathDiscoveryTest}. */
public class ClassPathTestSafetyCheck implements SafetyCheck {
    @Override
    public String id() {
        return "class-path-check";
    }

    @Override
    public CheckResult check(SafetyContext token) {
        return CheckResult.warn("found on the class path", 10);
    }
}
