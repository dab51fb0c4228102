package io.solbot.core.engine;

import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;

/**
 * A check every order passes before it is journalled, after the engine's own limits. The seam for the safety checks
 * (mint and freeze authority, holders, liquidity, honeypot; DESIGN §7) and budget reservations, which plug in here
 * in later issues. Called on the bot's lane, so it may block, but should answer from a cache.
 */
interface OrderCheck {
    /** Null to let the order pass, or the reason it is refused, naming the check. */
    String refuse(BotSpec spec, Side side, Mint mint, TokenAmount amountIn);
}
