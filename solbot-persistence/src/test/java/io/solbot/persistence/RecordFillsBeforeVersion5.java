package io.solbot.persistence;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Calls {@code record_fills} of a database that versions 2 to 4 of the schema wrote, to set up an upgrade test: those
 * versions read a fill's strategy id under the key {@code strategy}, which version 5 renamed {@code strategy_id}.
 */
final class RecordFillsBeforeVersion5 {
    private RecordFillsBeforeVersion5() {}

    /** Records {@code fills} and returns for each whether it was new, as the function answers. */
    static Boolean[] call(DSLContext dsl, List<FillRecord> fills) {
        String json = FillBatch.json(fills).replace("\"strategy_id\":", "\"strategy\":");
        return dsl.select(DSL.function("record_fills", SQLDataType.BOOLEAN.array(), DSL.val(json, JSONB.class)))
                .fetchOne(0, Boolean[].class);
    }
}
