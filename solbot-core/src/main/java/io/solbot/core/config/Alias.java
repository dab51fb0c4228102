package io.solbot.core.config;

import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Other names a config file may use for this record component ({@code snipeAmount} for {@code amountToSpend}).
 * Giving more than one of the names in one config is an error, never a silent choice.
 */
@Documented
@Target(RECORD_COMPONENT)
@Retention(RUNTIME)
public @interface Alias {
    String[] value();
}
