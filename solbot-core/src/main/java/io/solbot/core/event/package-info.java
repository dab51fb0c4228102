/**
 * What happened in an engine, as past-tense records of the sealed {@link io.solbot.core.event.EngineEvent}: bots
 * started, paused, resumed, stopped, restarted and failed; orders submitted, rejected, filled and failed. Subscribe
 * with {@code SolbotEngine.subscribe}; consume with a pattern-matching {@code switch}.
 */
package io.solbot.core.event;
