-- [jooq ignore start]
-- Records a batch of fills in the order given, in the caller's transaction, and returns for each whether it was new.
--
-- Why a function: recording a sell takes five statements (insert the fill, lock the lots, close or shrink each lot,
-- insert each closed slice). Sent one by one, their round trips cost more than the commit itself; as one call, a
-- whole batch of fills from many bots costs one round trip and one commit.
--
-- fills: a JSON array of objects with order_id, fill_part, fill_parts, bot_id, strategy, mint, side, decimals,
-- amount_in, amount_out, price, fee_lamports, tip_lamports, signature, submitted_at, filled_at, reason. Amounts
-- and prices are JSON numbers, which jsonb keeps as exact numerics.
--
-- A fill already in the ledger (same order id and part) changes nothing and is reported as not new. A sell of more
-- than the bot's open lots hold raises SQLSTATE SB001 (detail: the quantity held, hint: order id/part) and the whole
-- call is rolled back with the transaction.
--
-- Lots close oldest first (FIFO). A slice's cost basis is the lot's cost in proportion, rounded down, and the whole
-- remaining cost when the slice closes the lot; the sell's proceeds and fees are shared between slices the same way,
-- the last slice taking what is left, so the parts always add up to the whole, exact to the lamport.
CREATE FUNCTION record_fills(fills jsonb) RETURNS boolean[]
LANGUAGE plpgsql AS $$
DECLARE
    f             record;
    lot           record;
    applied       boolean[] := '{}';
    held          numeric;
    remaining     numeric;
    proceeds_left numeric;
    fees          numeric;
    fees_left     numeric;
    slice         numeric;
    slice_cost    numeric;
    slice_proceeds numeric;
    slice_fees    numeric;
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
            fees := f.fee_lamports + f.tip_lamports;
            fees_left := fees;
            FOR lot IN SELECT * FROM trade WHERE bot_id = f.bot_id AND mint = f.mint ORDER BY opened_at, id FOR UPDATE
            LOOP
                EXIT WHEN remaining = 0;
                slice := least(lot.quantity, remaining);
                IF slice = lot.quantity THEN
                    slice_cost := lot.cost_lamports;
                    DELETE FROM trade WHERE id = lot.id;
                ELSE
                    slice_cost := div(lot.cost_lamports * slice, lot.quantity);
                    UPDATE trade SET quantity = quantity - slice, cost_lamports = cost_lamports - slice_cost
                    WHERE id = lot.id;
                END IF;
                IF slice = remaining THEN
                    slice_proceeds := proceeds_left;
                    slice_fees := fees_left;
                ELSE
                    slice_proceeds := div(f.amount_out * slice, f.amount_in);
                    slice_fees := div(fees * slice, f.amount_in);
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
