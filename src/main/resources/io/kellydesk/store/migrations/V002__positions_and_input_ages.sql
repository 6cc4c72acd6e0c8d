-- Kelly Desk decision log, schema 2: the target, the position it starts from and the order on offer (sizing-method
-- step 12), the fraction actually at risk, and each input's age (step 0). Rows written by schema 1 keep every value;
-- their new columns are NULL (not known then), or NONE / '' for the action. docs/decision-log.md describes them.

ALTER TABLE recommendations ADD COLUMN held_contracts INTEGER;
ALTER TABLE recommendations ADD COLUMN working_contracts INTEGER;
ALTER TABLE recommendations ADD COLUMN target_contracts INTEGER;
ALTER TABLE recommendations ADD COLUMN order_contracts INTEGER;
ALTER TABLE recommendations ADD COLUMN action TEXT NOT NULL DEFAULT 'NONE' CHECK (action IN ('ADD', 'REDUCE', 'REVERSE', 'NONE'));
ALTER TABLE recommendations ADD COLUMN action_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE recommendations ADD COLUMN f_at_risk REAL;
ALTER TABLE recommendations ADD COLUMN position_cap INTEGER;
ALTER TABLE recommendations ADD COLUMN unknown_correlations TEXT;
ALTER TABLE recommendations ADD COLUMN age_lstm_ms INTEGER;
ALTER TABLE recommendations ADD COLUMN age_ensemble_ms INTEGER;
ALTER TABLE recommendations ADD COLUMN age_trade_history_ms INTEGER;
ALTER TABLE recommendations ADD COLUMN age_account_ms INTEGER;
ALTER TABLE recommendations ADD COLUMN age_positions_ms INTEGER;
ALTER TABLE recommendations ADD COLUMN age_working_orders_ms INTEGER;
ALTER TABLE recommendations ADD COLUMN age_quote_ms INTEGER;
ALTER TABLE recommendations ADD COLUMN age_bars_ms INTEGER;
