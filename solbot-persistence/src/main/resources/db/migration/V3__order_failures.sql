-- Every order that failed, once: an order that landed and reverted (a honeypot's sell, a swap below its minimum
-- output) still paid its signature and priority fees, and they count against the bot's PnL. Its key makes recording
-- a failure idempotent, so a failure replayed from the journal after an outage or a crash is recognised and skipped.
-- A failure that never landed is kept too, with zero fees: it is part of what the bot did.
--
-- stage and reason are text: they come from executors (a live one may say more), and a failure too long for its
-- column would be refused on every retry.
CREATE TABLE order_failure (
    bot_id          varchar(64)   NOT NULL,
    order_id        varchar(64)   NOT NULL,
    mint            varchar(44)   NOT NULL,
    side            varchar(4)    NOT NULL CHECK (side IN ('BUY', 'SELL')),
    stage           text          NOT NULL,
    reason          text          NOT NULL,
    fee_lamports    bigint        NOT NULL CHECK (fee_lamports >= 0),
    tip_lamports    bigint        NOT NULL CHECK (tip_lamports >= 0),
    failed_at       timestamptz   NOT NULL,
    CONSTRAINT order_failure_pkey PRIMARY KEY (bot_id, order_id)
);
