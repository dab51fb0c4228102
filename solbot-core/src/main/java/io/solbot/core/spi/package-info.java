/**
 * What strategy plugin authors implement and see: {@link io.solbot.core.spi.StrategyProvider} (found with {@link
 * java.util.ServiceLoader}), {@link io.solbot.core.spi.Strategy} (one instance per bot run) and {@link
 * io.solbot.core.spi.StrategyContext} (passed to every callback). Depends only on the JDK and {@code
 * io.solbot.core.domain}.
 */
package io.solbot.core.spi;
