-- Kelly Desk decision log, schema 1. Times are UTC epoch milliseconds; money in the account currency;
-- fractions are of account equity; sizes in contracts. docs/decision-log.md describes every column.

CREATE TABLE recommendations (
    id                          INTEGER PRIMARY KEY,
    symbol                      TEXT    NOT NULL,
    decided_at_ms               INTEGER NOT NULL,
    status                      TEXT    NOT NULL CHECK (status IN ('TRADE', 'NO_TRADE')),
    reason                      TEXT    NOT NULL,
    reason_detail               TEXT    NOT NULL,
    direction                   TEXT    NOT NULL,
    p_long                      REAL,
    p_raw                       REAL,
    p_win                       REAL,
    calibrated                  INTEGER NOT NULL,
    model_agreement             TEXT,
    confidence_spread           REAL,
    payoff_b_hist               REAL,
    payoff_trades_n             INTEGER NOT NULL,
    payoff_b                    REAL,
    f_kelly                     REAL,
    f_after_multiplier          REAL,
    capped_at_max_fraction      INTEGER NOT NULL,
    drawdown_fraction           REAL,
    emergency                   INTEGER NOT NULL,
    f_used                      REAL,
    risk_per_contract           REAL,
    risk_source                 TEXT,
    contracts_sized             INTEGER,
    capped_at_max_position      INTEGER NOT NULL,
    open_risk                   REAL,
    contracts_after_portfolio   INTEGER,
    correlated_exposure         REAL,
    contracts_after_correlation INTEGER,
    halved_by_validation        INTEGER NOT NULL,
    contracts                   INTEGER NOT NULL,
    capital_at_risk             REAL    NOT NULL,
    expected_edge               REAL,
    growth_rate                 REAL,
    inputs_hash                 TEXT    NOT NULL,
    settings_version            TEXT    NOT NULL,
    inputs_json                 TEXT    NOT NULL
);
-- One secondary index only: every other query walks the primary key (id order is time order) newest first.
CREATE INDEX recommendations_by_symbol_time ON recommendations (symbol, decided_at_ms);

-- The newest recommendation per symbol, kept by the writer in the same transaction (latest-per-symbol in O(symbols)).
CREATE TABLE latest_recommendations (
    symbol            TEXT PRIMARY KEY,
    recommendation_id INTEGER NOT NULL REFERENCES recommendations (id)
) WITHOUT ROWID;

-- "Still watched, same inputs": at most one a minute per symbol while nothing changes.
CREATE TABLE heartbeats (
    id          INTEGER PRIMARY KEY,
    symbol      TEXT    NOT NULL,
    at_ms       INTEGER NOT NULL,
    inputs_hash TEXT    NOT NULL
);
CREATE INDEX heartbeats_by_symbol_time ON heartbeats (symbol, at_ms);

CREATE TABLE handoffs (
    id                INTEGER PRIMARY KEY,
    client_order_id   TEXT    NOT NULL UNIQUE,
    recommendation_id INTEGER REFERENCES recommendations (id),
    symbol            TEXT    NOT NULL,
    side              TEXT    NOT NULL CHECK (side IN ('buy', 'sell')),
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    order_type        TEXT    NOT NULL,
    limit_price       REAL,
    time_in_force     TEXT    NOT NULL,
    target            TEXT    NOT NULL,
    request_json      TEXT    NOT NULL,
    response_json     TEXT,
    status            TEXT    NOT NULL,
    engine_order_id   TEXT,
    error             TEXT,
    user_name         TEXT    NOT NULL,
    created_at_ms     INTEGER NOT NULL,
    updated_at_ms     INTEGER NOT NULL
);
CREATE INDEX handoffs_by_time ON handoffs (created_at_ms);
CREATE INDEX handoffs_by_status ON handoffs (status);

CREATE TABLE handoff_events (
    id         INTEGER PRIMARY KEY,
    handoff_id INTEGER NOT NULL REFERENCES handoffs (id),
    at_ms      INTEGER NOT NULL,
    status     TEXT    NOT NULL,
    detail     TEXT    NOT NULL
);
CREATE INDEX handoff_events_by_handoff ON handoff_events (handoff_id, at_ms);

CREATE TABLE settings_changes (
    id            INTEGER PRIMARY KEY,
    changed_at_ms INTEGER NOT NULL,
    setting_key   TEXT    NOT NULL,
    old_value     TEXT,
    new_value     TEXT,
    user_name     TEXT    NOT NULL,
    user_role     TEXT    NOT NULL,
    reason        TEXT    NOT NULL
);
CREATE INDEX settings_changes_by_time ON settings_changes (changed_at_ms);
CREATE INDEX settings_changes_by_key ON settings_changes (setting_key, changed_at_ms);

CREATE TABLE outcomes (
    id                INTEGER PRIMARY KEY,
    trade_id          TEXT    NOT NULL UNIQUE,
    recommendation_id INTEGER NOT NULL REFERENCES recommendations (id),
    symbol            TEXT    NOT NULL,
    side              TEXT    NOT NULL,
    p_raw             REAL    NOT NULL,
    won               INTEGER NOT NULL CHECK (won IN (0, 1)),
    pnl               REAL    NOT NULL,
    contracts         INTEGER NOT NULL,
    entry_at_ms       INTEGER NOT NULL,
    exit_at_ms        INTEGER NOT NULL
);
CREATE INDEX outcomes_by_recommendation ON outcomes (recommendation_id);
CREATE INDEX outcomes_by_exit ON outcomes (exit_at_ms);

CREATE TABLE service_events (
    id      INTEGER PRIMARY KEY,
    at_ms   INTEGER NOT NULL,
    service TEXT    NOT NULL,
    state   TEXT    NOT NULL,
    detail  TEXT    NOT NULL
);
CREATE INDEX service_events_by_time ON service_events (at_ms);
