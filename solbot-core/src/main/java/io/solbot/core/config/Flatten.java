package io.solbot.core.config;

import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated record component (itself a record) is read from the same object as its owner: its fields sit beside
 * the owner's in the config file, and violations name them without the component's name. This is how many strategy
 * configs share one group of fields. Mark it {@code @Valid} too so that its constraints run.
 */
@Documented
@Target(RECORD_COMPONENT)
@Retention(RUNTIME)
public @interface Flatten {}
