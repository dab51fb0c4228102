-- One name per concept: the schema says what the engine says.
--
-- The strategy a bot runs is its strategy id, in every table. A run's reason (why it stopped or failed) is stored for
-- every final status, not only for a failure. A run's trades are the trades the bot opened (buys that filled), what
-- its maxTrades limits, as the engine counts them; version 1 counted filled orders, buys and sells. Lamports are
-- bigint in every table (a lamport amount is a long in Java); raw token amounts stay numeric(39,0).

ALTER TABLE strategy_run_status RENAME COLUMN strategy TO strategy_id;
ALTER TABLE fill RENAME COLUMN strategy TO strategy_id;
ALTER TABLE trade RENAME COLUMN strategy TO strategy_id;
ALTER TABLE closed_trade RENAME COLUMN strategy TO strategy_id;

ALTER TABLE strategy_run_status RENAME COLUMN last_error TO reason;

ALTER TABLE strategy_run_status RENAME COLUMN trades_executed TO trades;
-- [jooq ignore start]
-- A bot's trades so far: the buy orders of it that filled, once each however many parts they filled in.
UPDATE strategy_run_status s
SET trades = (SELECT count(DISTINCT f.order_id) FROM fill f WHERE f.bot_id = s.bot_id AND f.side = 'BUY');
-- [jooq ignore stop]
ALTER TABLE strategy_run_status ALTER COLUMN trades TYPE integer;
ALTER TABLE strategy_run_status ALTER COLUMN trades SET DEFAULT 0;

-- Every amount already stored is a whole number of lamports that fits a long: Java wrote it from one. PostgreSQL
-- changes a table's columns in one rewrite of the table; jOOQ's code generator cannot read that form, so the same
-- change follows column by column, where PostgreSQL finds nothing left to do.
-- [jooq ignore start]
ALTER TABLE trade
    ALTER COLUMN cost_lamports TYPE bigint USING cost_lamports::bigint,
    ALTER COLUMN entry_cost_lamports TYPE bigint USING entry_cost_lamports::bigint;
ALTER TABLE closed_trade
    ALTER COLUMN cost_lamports TYPE bigint USING cost_lamports::bigint,
    ALTER COLUMN proceeds_lamports TYPE bigint USING proceeds_lamports::bigint,
    ALTER COLUMN exit_fee_lamports TYPE bigint USING exit_fee_lamports::bigint,
    ALTER COLUMN pnl_lamports TYPE bigint USING pnl_lamports::bigint;
-- [jooq ignore stop]
ALTER TABLE trade ALTER COLUMN cost_lamports TYPE bigint;
ALTER TABLE trade ALTER COLUMN entry_cost_lamports TYPE bigint;
ALTER TABLE closed_trade ALTER COLUMN cost_lamports TYPE bigint;
ALTER TABLE closed_trade ALTER COLUMN proceeds_lamports TYPE bigint;
ALTER TABLE closed_trade ALTER COLUMN exit_fee_lamports TYPE bigint;
ALTER TABLE closed_trade ALTER COLUMN pnl_lamports TYPE bigint;

-- [jooq ignore start]
-- Records a batch of fills in the order given, in the caller's transaction, and returns for each whether it was new.
-- Version 4's function (see V4__one_ledger_arithmetic.sql), statement for statement and with the same arithmetic,
-- over the renamed columns: each fill's strategy id comes under the key strategy_id.
--
-- The arithmetic stays numeric, exact, and its results land in bigint columns: a lamport amount that does not fit a
-- long (a cost of amount in plus fees beyond 2^63 - 1) is refused with SQLSTATE 22003 instead of being stored.
CREATE OR REPLACE FUNCTION record_fills(fills jsonb) RETURNS boolean[]
LANGUAGE plpgsql AS $$
DECLARE
    f              record;
    lot            record;
    applied        boolean[] := '{}';
    held           numeric;
    remaining      numeric;
    proceeds_left  numeric;
    fees_left      numeric;
    slice          numeric;
    slice_cost     numeric;
    slice_proceeds numeric;
    slice_fees     numeric;
BEGIN
    FOR i IN 0 .. jsonb_array_length(fills) - 1 LOOP
        SELECT * INTO f FROM jsonb_to_record(fills -> i) AS x(
            order_id text, fill_part integer, fill_parts integer, bot_id text, strategy_id text, mint text, side text,
            decimals smallint, amount_in numeric, amount_out numeric, price numeric, fee_lamports bigint,
            tip_lamports bigint, signature text, submitted_at timestamptz, filled_at timestamptz, reason text);

        INSERT INTO fill (order_id, fill_part, fill_parts, bot_id, strategy_id, mint, side, decimals, amount_in,
                          amount_out, price, fee_lamports, tip_lamports, signature, submitted_at, filled_at)
        VALUES (f.order_id, f.fill_part, f.fill_parts, f.bot_id, f.strategy_id, f.mint, f.side, f.decimals,
                f.amount_in, f.amount_out, f.price, f.fee_lamports, f.tip_lamports, f.signature, f.submitted_at,
                f.filled_at)
        ON CONFLICT DO NOTHING;
        IF NOT FOUND THEN
            applied := applied || false;
            CONTINUE;
        END IF;

        IF f.side = 'BUY' THEN
            INSERT INTO trade (bot_id, strategy_id, mint, decimals, order_id, fill_part, signature, quantity,
                               cost_lamports, entry_quantity, entry_cost_lamports, entry_price, fee_lamports,
                               tip_lamports, opened_at)
            VALUES (f.bot_id, f.strategy_id, f.mint, f.decimals, f.order_id, f.fill_part, f.signature, f.amount_out,
                    f.amount_in + f.fee_lamports + f.tip_lamports, f.amount_out,
                    f.amount_in + f.fee_lamports + f.tip_lamports, f.price, f.fee_lamports, f.tip_lamports,
                    f.filled_at);
        ELSE
            remaining := f.amount_in;
            proceeds_left := f.amount_out;
            fees_left := f.fee_lamports + f.tip_lamports;
            FOR lot IN SELECT * FROM trade WHERE bot_id = f.bot_id AND mint = f.mint ORDER BY opened_at, id FOR UPDATE
            LOOP
                EXIT WHEN remaining = 0;
                slice := least(lot.quantity, remaining);
                slice_cost := pro_rata(lot.cost_lamports, slice, lot.quantity);
                slice_proceeds := pro_rata(proceeds_left, slice, remaining);
                slice_fees := pro_rata(fees_left, slice, remaining);
                IF slice = lot.quantity THEN
                    DELETE FROM trade WHERE id = lot.id;
                ELSE
                    UPDATE trade SET quantity = quantity - slice, cost_lamports = cost_lamports - slice_cost
                    WHERE id = lot.id;
                END IF;
                INSERT INTO closed_trade (bot_id, strategy_id, mint, decimals, entry_order_id, entry_fill_part,
                                          entry_signature, exit_order_id, exit_fill_part, exit_signature, quantity,
                                          cost_lamports, proceeds_lamports, exit_fee_lamports, pnl_lamports,
                                          entry_price, exit_price, exit_reason, opened_at, closed_at)
                VALUES (lot.bot_id, f.strategy_id, lot.mint, lot.decimals, lot.order_id, lot.fill_part, lot.signature,
                        f.order_id, f.fill_part, f.signature, slice, slice_cost, slice_proceeds, slice_fees,
                        slice_proceeds - slice_fees - slice_cost, lot.entry_price, f.price, f.reason, lot.opened_at,
                        f.filled_at);
                remaining := remaining - slice;
                proceeds_left := proceeds_left - slice_proceeds;
                fees_left := fees_left - slice_fees;
            END LOOP;
            -- every lot was taken and some of the sell is left: the raise rolls back what the loop changed
            IF remaining > 0 THEN
                held := f.amount_in - remaining;
                RAISE EXCEPTION 'a sell of % closes more than the open lots hold', f.amount_in
                    USING ERRCODE = 'SB001', DETAIL = held::text, HINT = f.order_id || '/' || f.fill_part;
            END IF;
        END IF;
        applied := applied || true;
    END LOOP;
    RETURN applied;
END
$$;
-- [jooq ignore stop]
