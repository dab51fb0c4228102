/**
 * Value types shared by the engine, strategies and stores: mints, exact amounts ({@link
 * io.solbot.core.domain.TokenAmount}, {@link io.solbot.core.domain.Lamports}; never {@code double}), prices, orders,
 * fills and positions. All are immutable and validate their input in their constructors.
 */
package io.solbot.core.domain;
