-- Many machines (opt-in, solbot-cluster): bots spread over several processes that share this database.

-- db-scheduler's table, with the columns of its documented PostgreSQL schema: one row per bot in cluster mode, the
-- task instance being the bot id (varchar, not text, for the keys only: the build replays this script into H2). A node picks a row (picked, picked_by = its name), heartbeats it while it runs the
-- bot, and every pick and revival grows version: the fence every write of the bot is checked against.
CREATE TABLE scheduled_tasks (
    task_name            varchar(255) NOT NULL,
    task_instance        varchar(255) NOT NULL,
    task_data            bytea,
    execution_time       timestamptz NOT NULL,
    picked               boolean     NOT NULL,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures integer,
    last_heartbeat       timestamptz,
    version              bigint      NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- The journal of many machines: what a lockfile holds for one, except the orders in flight. Written by the bot's
-- owner only, in a transaction that passed the fence.
CREATE TABLE bot_journal (
    bot_id        varchar(64) NOT NULL PRIMARY KEY,
    node          text        NOT NULL,
    fence_version bigint      NOT NULL,
    entry         jsonb       NOT NULL,
    updated_at    timestamptz NOT NULL
);

-- Every order a bot decided to send, journalled before it is sent; PENDING until its outcome is known. A new owner
-- resolves every PENDING intent by its client order id, never under a new id; the id is unique across all bots.
CREATE TABLE bot_intent (
    seq             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bot_id          varchar(64) NOT NULL,
    fence_version   bigint      NOT NULL,
    node            text        NOT NULL,
    client_order_id varchar(64) NOT NULL UNIQUE,
    payload         jsonb       NOT NULL,
    status          varchar(16) NOT NULL CHECK (status IN ('PENDING', 'RESOLVED')),
    created_at      timestamptz NOT NULL,
    resolved_at     timestamptz
);
CREATE INDEX bot_intent_bot_status_idx ON bot_intent (bot_id, status);

-- The nodes of a cluster, each marking itself alive: what a node's fair share of the bots is counted from.
CREATE TABLE cluster_node (
    node_id      varchar(255) NOT NULL PRIMARY KEY,
    started_at   timestamptz NOT NULL,
    heartbeat_at timestamptz NOT NULL
);
