-- One row per bot: what it runs, where, and where it is in its lifecycle. Written on lifecycle changes only.
CREATE TABLE strategy_run_status (
    bot_id          varchar(64)   NOT NULL PRIMARY KEY,
    user_id         varchar(64),
    strategy        varchar(64)   NOT NULL,
    config          jsonb,
    config_hash     varchar(64)   NOT NULL,
    status          varchar(16)   NOT NULL CHECK (status IN ('RUNNING', 'PAUSED', 'STOPPED', 'FAILED')),
    owner_node      varchar(255),
    owner_pid       bigint,
    started_at      timestamptz   NOT NULL,
    paused_at       timestamptz,
    stopped_at      timestamptz,
    heartbeat_at    timestamptz,
    restart_count   integer       NOT NULL DEFAULT 0,
    trades_executed bigint        NOT NULL DEFAULT 0,
    last_error      varchar(2000),
    updated_at      timestamptz   NOT NULL
);
CREATE INDEX strategy_run_status_user_idx ON strategy_run_status (user_id);

-- Every fill ever applied, once: the ledger of what changed hands. Its key makes recording a fill idempotent, so a
-- fill replayed from the journal after a crash is recognised and skipped, even when its lot was closed since.
CREATE TABLE fill (
    order_id        varchar(64)   NOT NULL,
    fill_part       integer       NOT NULL CHECK (fill_part >= 1),
    fill_parts      integer       NOT NULL CHECK (fill_parts >= fill_part),
    bot_id          varchar(64)   NOT NULL,
    strategy        varchar(64)   NOT NULL,
    mint            varchar(44)   NOT NULL,
    side            varchar(4)    NOT NULL CHECK (side IN ('BUY', 'SELL')),
    decimals        smallint      NOT NULL CHECK (decimals BETWEEN 0 AND 255),
    amount_in       numeric(39,0) NOT NULL CHECK (amount_in > 0),
    amount_out      numeric(39,0) NOT NULL CHECK (amount_out > 0),
    price           numeric       NOT NULL CHECK (price > 0),
    fee_lamports    bigint        NOT NULL CHECK (fee_lamports >= 0),
    tip_lamports    bigint        NOT NULL CHECK (tip_lamports >= 0),
    signature       varchar(88)   NOT NULL,
    submitted_at    timestamptz   NOT NULL,
    filled_at       timestamptz   NOT NULL,
    CONSTRAINT fill_pkey PRIMARY KEY (order_id, fill_part)
);
CREATE INDEX fill_bot_idx ON fill (bot_id, filled_at);

-- An open lot: what one buy fill (one part of an order) bought and the bot still holds. Token amounts are raw
-- units (u64 on chain, NUMERIC(39,0) here so sums never overflow); SOL amounts are lamports.
CREATE TABLE trade (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bot_id              varchar(64)   NOT NULL,
    strategy            varchar(64)   NOT NULL,
    mint                varchar(44)   NOT NULL,
    decimals            smallint      NOT NULL CHECK (decimals BETWEEN 0 AND 255),
    order_id            varchar(64)   NOT NULL,
    fill_part           integer       NOT NULL CHECK (fill_part >= 1),
    signature           varchar(88)   NOT NULL,
    quantity            numeric(39,0) NOT NULL CHECK (quantity > 0),
    cost_lamports       numeric(39,0) NOT NULL CHECK (cost_lamports >= 0),
    entry_quantity      numeric(39,0) NOT NULL CHECK (entry_quantity > 0),
    entry_cost_lamports numeric(39,0) NOT NULL CHECK (entry_cost_lamports >= 0),
    entry_price         numeric       NOT NULL CHECK (entry_price > 0),
    fee_lamports        bigint        NOT NULL CHECK (fee_lamports >= 0),
    tip_lamports        bigint        NOT NULL CHECK (tip_lamports >= 0),
    opened_at           timestamptz   NOT NULL,
    CONSTRAINT trade_signature_key UNIQUE (signature),
    CONSTRAINT trade_fill_key UNIQUE (order_id, fill_part)
);
CREATE INDEX trade_bot_mint_idx ON trade (bot_id, mint, opened_at);

-- A closed slice of a lot: written in the same transaction that shrinks or deletes the lot. The unique key makes
-- writing the same exit fill twice harmless.
CREATE TABLE closed_trade (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bot_id              varchar(64)   NOT NULL,
    strategy            varchar(64)   NOT NULL,
    mint                varchar(44)   NOT NULL,
    decimals            smallint      NOT NULL,
    entry_order_id      varchar(64)   NOT NULL,
    entry_fill_part     integer       NOT NULL,
    entry_signature     varchar(88)   NOT NULL,
    exit_order_id       varchar(64)   NOT NULL,
    exit_fill_part      integer       NOT NULL,
    exit_signature      varchar(88)   NOT NULL,
    quantity            numeric(39,0) NOT NULL CHECK (quantity > 0),
    cost_lamports       numeric(39,0) NOT NULL,
    proceeds_lamports   numeric(39,0) NOT NULL,
    exit_fee_lamports   numeric(39,0) NOT NULL,
    pnl_lamports        numeric(39,0) NOT NULL,
    entry_price         numeric       NOT NULL,
    exit_price          numeric       NOT NULL,
    exit_reason         varchar(32)   NOT NULL,
    opened_at           timestamptz   NOT NULL,
    closed_at           timestamptz   NOT NULL,
    CONSTRAINT closed_trade_slice_key UNIQUE (exit_order_id, exit_fill_part, entry_order_id, entry_fill_part)
);
CREATE INDEX closed_trade_bot_idx ON closed_trade (bot_id, closed_at);
