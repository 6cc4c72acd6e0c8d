-- Kelly Desk decision log, schema 3: a settings change names the risk officer whose session made it, and under
-- four-eyes the second officer who approved it; refused attempts are rows too (setting_key '(refused)'). Rows written
-- by schema 2 have '' in both (only the OS user and the role were known). docs/decision-log.md describes them.

ALTER TABLE settings_changes ADD COLUMN officer TEXT NOT NULL DEFAULT '';
ALTER TABLE settings_changes ADD COLUMN second_officer TEXT NOT NULL DEFAULT '';
