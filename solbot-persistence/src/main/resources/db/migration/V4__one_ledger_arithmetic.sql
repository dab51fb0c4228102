-- [jooq ignore start]
-- One ledger arithmetic: the ledger splits cost basis, proceeds and fees by the same rule as the engine's in-memory
-- book (io.solbot.core.domain.ProRata), and a worthless token can be sold, or written off, for nothing.
--
-- Version 2 gave a partly closed slice its share of the lot's cost rounded down and shared a sell's proceeds and fees
-- over its slices in proportion to the whole sell; the in-memory book rounded the other way, so the two drifted
-- apart by a lamport per partial sell. Lots already open keep the cost basis they have; from here on every slice is
-- split by the rule below.

-- A sell may bring nothing (a rugged token, a write-off): its amount out and its price are zero. A buy still gets
-- a positive amount of tokens at a positive price.
ALTER TABLE fill DROP CONSTRAINT fill_amount_out_check;
ALTER TABLE fill ADD CONSTRAINT fill_amount_out_check CHECK (amount_out > 0 OR (side = 'SELL' AND amount_out = 0));
ALTER TABLE fill DROP CONSTRAINT fill_price_check;
ALTER TABLE fill ADD CONSTRAINT fill_price_check CHECK (price > 0 OR (side = 'SELL' AND price = 0));

-- The share of amount (lamports, zero or more) that belongs to slice tokens out of of_quantity (0 < slice <=
-- of_quantity): amount × slice / of_quantity rounded half up to a lamport, exactly amount when slice = of_quantity.
-- Integer arithmetic only (numeric's div truncates, which is floor for these non-negative operands), so it equals
-- ProRata.share in Java to the lamport.
CREATE FUNCTION pro_rata(amount numeric, slice numeric, of_quantity numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT div(2 * amount * slice + of_quantity, 2 * of_quantity)
$$;

-- Records a batch of fills in the order given, in the caller's transaction, and returns for each whether it was new.
-- Its arguments, idempotency, FIFO order and refusal of an over-sell (SQLSTATE SB001, detail: the quantity held,
-- hint: order id/part) are those of version 2 (see V2__record_fills.sql); what changed is how a sell is split.
--
-- Lots close oldest first (by opened_at, then in the order they were recorded). Each closed slice takes, by
-- pro_rata, its share of what is left: of the lot's remaining cost over the lot's remaining quantity, and of the
-- sell's proceeds and of its fees (fee plus tip, one amount) not yet given to a slice over the sell's tokens not yet
-- matched to a lot. A slice that takes all of a lot takes all of its cost, and the sell's last slice takes all of
-- its proceeds and fees left, so the parts always add up to the whole, exact to the lamport, none negative.
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
            order_id text, fill_part integer, fill_parts integer, bot_id text, strategy text, mint text, side text,
            decimals smallint, amount_in numeric, amount_out numeric, price numeric, fee_lamports bigint,
            tip_lamports bigint, signature text, submitted_at timestamptz, filled_at timestamptz, reason text);

        INSERT INTO fill (order_id, fill_part, fill_parts, bot_id, strategy, mint, side, decimals, amount_in,
                          amount_out, price, fee_lamports, tip_lamports, signature, submitted_at, filled_at)
        VALUES (f.order_id, f.fill_part, f.fill_parts, f.bot_id, f.strategy, f.mint, f.side, f.decimals, f.amount_in,
                f.amount_out, f.price, f.fee_lamports, f.tip_lamports, f.signature, f.submitted_at, f.filled_at)
        ON CONFLICT DO NOTHING;
        IF NOT FOUND THEN
            applied := applied || false;
            CONTINUE;
        END IF;

        IF f.side = 'BUY' THEN
            INSERT INTO trade (bot_id, strategy, mint, decimals, order_id, fill_part, signature, quantity,
                               cost_lamports, entry_quantity, entry_cost_lamports, entry_price, fee_lamports,
                               tip_lamports, opened_at)
            VALUES (f.bot_id, f.strategy, f.mint, f.decimals, f.order_id, f.fill_part, f.signature, f.amount_out,
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
                INSERT INTO closed_trade (bot_id, strategy, mint, decimals, entry_order_id, entry_fill_part,
                                          entry_signature, exit_order_id, exit_fill_part, exit_signature, quantity,
                                          cost_lamports, proceeds_lamports, exit_fee_lamports, pnl_lamports,
                                          entry_price, exit_price, exit_reason, opened_at, closed_at)
                VALUES (lot.bot_id, f.strategy, lot.mint, lot.decimals, lot.order_id, lot.fill_part, lot.signature,
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
