-- Order by sequence, not by clock; a key recorded again only with the same content.
--
-- Every fill gets a sequence number in the order it was recorded, and the fill store returns a bot's fills in that
-- order: positions rebuilt from them apply a sell after the buy it closed even when the wall clock stepped back in
-- between (filled_at said the sell came first). Fills already stored are numbered in the order the store returned
-- them until now: by filled_at, order id, part.
ALTER TABLE fill ADD COLUMN seq bigint;
-- [jooq ignore start]
UPDATE fill f SET seq = n.seq
FROM (SELECT order_id, fill_part, row_number() OVER (ORDER BY filled_at, order_id, fill_part) AS seq FROM fill) n
WHERE f.order_id = n.order_id AND f.fill_part = n.fill_part;
ALTER TABLE fill ALTER COLUMN seq SET NOT NULL;
ALTER TABLE fill ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY;
SELECT setval(pg_get_serial_sequence('fill', 'seq'), coalesce((SELECT max(seq) FROM fill), 0) + 1, false);
-- [jooq ignore stop]
CREATE INDEX fill_bot_seq_idx ON fill (bot_id, seq);

-- [jooq ignore start]
-- Records a batch of fills in the order given, in the caller's transaction, and returns for each whether it was new.
-- Version 5's function (see V5__one_name_per_concept.sql), statement for statement, except for a fill whose key
-- (order id and part) is recorded already: the same fill again changes nothing and is reported as not new, as
-- before; a fill with another content under that key raises SQLSTATE SB002 (hint: order id/part), and the whole call
-- is rolled back with the transaction. Times compare as the column stores them (to the microsecond), prices and
-- amounts as numbers.
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
            -- the same fill again (a retry, a replay from the journal) changes nothing; another one under its key
            -- (an order id used twice) is refused, not dropped: its tokens and fees would vanish from the books
            IF NOT EXISTS (
                SELECT 1 FROM fill x
                WHERE x.order_id = f.order_id AND x.fill_part = f.fill_part AND x.fill_parts = f.fill_parts
                  AND x.bot_id = f.bot_id AND x.mint = f.mint AND x.side = f.side AND x.decimals = f.decimals
                  AND x.amount_in = f.amount_in AND x.amount_out = f.amount_out AND x.price = f.price
                  AND x.fee_lamports = f.fee_lamports AND x.tip_lamports = f.tip_lamports
                  AND x.signature = f.signature AND x.submitted_at = f.submitted_at AND x.filled_at = f.filled_at)
            THEN
                RAISE EXCEPTION 'fill %/% is recorded already, with another content', f.order_id, f.fill_part
                    USING ERRCODE = 'SB002', HINT = f.order_id || '/' || f.fill_part;
            END IF;
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
