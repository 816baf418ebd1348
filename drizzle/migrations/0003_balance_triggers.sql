-- Running balances (fund_balance) kept in the same transaction as every ledger row and commitment, so
-- the group's as-of figures read one row per (fund, source, measure) instead of scanning the ledger.
-- Each change is booked twice: under the money's source class and under '*' (the fund's total).
-- A backdated row updates every later balance. See drizzle/src/schema/ledger.ts and ADR 011.
--
-- The source class of an investor's money: its source type, or `group_fund` for an investor that is itself
-- a fund of the group other than the mother fund (its money is counted once, in its own fund).
CREATE VIEW investor_source_class AS
SELECT id, CASE WHEN source_type = 'mother_fund' THEN 'mother_fund' WHEN fund_id IS NOT NULL THEN 'group_fund' ELSE source_type END AS source
FROM investor;
--> statement-breakpoint
CREATE TRIGGER ledger_entry_balance AFTER INSERT ON ledger_entry
BEGIN
  INSERT OR IGNORE INTO fund_balance_key (fund_id, source, measure) VALUES (NEW.fund_id, COALESCE((SELECT c.source FROM investor_source_class c WHERE c.id = NEW.investor_id), 'none'), NEW.kind);
  INSERT OR IGNORE INTO fund_balance (fund_id, source, measure, date, cum_fen)
  VALUES (NEW.fund_id, COALESCE((SELECT c.source FROM investor_source_class c WHERE c.id = NEW.investor_id), 'none'), NEW.kind, NEW.date, COALESCE((
    SELECT b.cum_fen FROM fund_balance b
    WHERE b.fund_id = NEW.fund_id AND b.source = COALESCE((SELECT c.source FROM investor_source_class c WHERE c.id = NEW.investor_id), 'none') AND b.measure = NEW.kind AND b.date < NEW.date
    ORDER BY b.date DESC LIMIT 1), 0));
  UPDATE fund_balance SET cum_fen = cum_fen + (NEW.amount_fen)
  WHERE fund_id = NEW.fund_id AND source = COALESCE((SELECT c.source FROM investor_source_class c WHERE c.id = NEW.investor_id), 'none') AND measure = NEW.kind AND date >= NEW.date;
  INSERT OR IGNORE INTO fund_balance_key (fund_id, source, measure) VALUES (NEW.fund_id, '*', NEW.kind);
  INSERT OR IGNORE INTO fund_balance (fund_id, source, measure, date, cum_fen)
  VALUES (NEW.fund_id, '*', NEW.kind, NEW.date, COALESCE((
    SELECT b.cum_fen FROM fund_balance b
    WHERE b.fund_id = NEW.fund_id AND b.source = '*' AND b.measure = NEW.kind AND b.date < NEW.date
    ORDER BY b.date DESC LIMIT 1), 0));
  UPDATE fund_balance SET cum_fen = cum_fen + (NEW.amount_fen)
  WHERE fund_id = NEW.fund_id AND source = '*' AND measure = NEW.kind AND date >= NEW.date;
END;
--> statement-breakpoint
CREATE TRIGGER commitment_balance_insert AFTER INSERT ON commitment
BEGIN
  INSERT OR IGNORE INTO fund_balance_key (fund_id, source, measure) VALUES (NEW.fund_id, COALESCE((SELECT c.source FROM investor_source_class c WHERE c.id = NEW.investor_id), 'none'), 'commitment');
  INSERT OR IGNORE INTO fund_balance (fund_id, source, measure, date, cum_fen)
  VALUES (NEW.fund_id, COALESCE((SELECT c.source FROM investor_source_class c WHERE c.id = NEW.investor_id), 'none'), 'commitment', NEW.date, COALESCE((
    SELECT b.cum_fen FROM fund_balance b
    WHERE b.fund_id = NEW.fund_id AND b.source = COALESCE((SELECT c.source FROM investor_source_class c WHERE c.id = NEW.investor_id), 'none') AND b.measure = 'commitment' AND b.date < NEW.date
    ORDER BY b.date DESC LIMIT 1), 0));
  UPDATE fund_balance SET cum_fen = cum_fen + (NEW.amount_fen)
  WHERE fund_id = NEW.fund_id AND source = COALESCE((SELECT c.source FROM investor_source_class c WHERE c.id = NEW.investor_id), 'none') AND measure = 'commitment' AND date >= NEW.date;
  INSERT OR IGNORE INTO fund_balance_key (fund_id, source, measure) VALUES (NEW.fund_id, '*', 'commitment');
  INSERT OR IGNORE INTO fund_balance (fund_id, source, measure, date, cum_fen)
  VALUES (NEW.fund_id, '*', 'commitment', NEW.date, COALESCE((
    SELECT b.cum_fen FROM fund_balance b
    WHERE b.fund_id = NEW.fund_id AND b.source = '*' AND b.measure = 'commitment' AND b.date < NEW.date
    ORDER BY b.date DESC LIMIT 1), 0));
  UPDATE fund_balance SET cum_fen = cum_fen + (NEW.amount_fen)
  WHERE fund_id = NEW.fund_id AND source = '*' AND measure = 'commitment' AND date >= NEW.date;
END;
--> statement-breakpoint
CREATE TRIGGER commitment_balance_delete AFTER DELETE ON commitment
BEGIN
  UPDATE fund_balance SET cum_fen = cum_fen - (OLD.amount_fen)
  WHERE fund_id = OLD.fund_id AND source = COALESCE((SELECT c.source FROM investor_source_class c WHERE c.id = OLD.investor_id), 'none') AND measure = 'commitment' AND date >= OLD.date;
  UPDATE fund_balance SET cum_fen = cum_fen - (OLD.amount_fen)
  WHERE fund_id = OLD.fund_id AND source = '*' AND measure = 'commitment' AND date >= OLD.date;
END;
--> statement-breakpoint
CREATE TRIGGER commitment_balance_update AFTER UPDATE OF fund_id, investor_id, amount_fen, date ON commitment
BEGIN
  UPDATE fund_balance SET cum_fen = cum_fen - (OLD.amount_fen)
  WHERE fund_id = OLD.fund_id AND source = COALESCE((SELECT c.source FROM investor_source_class c WHERE c.id = OLD.investor_id), 'none') AND measure = 'commitment' AND date >= OLD.date;
  UPDATE fund_balance SET cum_fen = cum_fen - (OLD.amount_fen)
  WHERE fund_id = OLD.fund_id AND source = '*' AND measure = 'commitment' AND date >= OLD.date;
  INSERT OR IGNORE INTO fund_balance_key (fund_id, source, measure) VALUES (NEW.fund_id, COALESCE((SELECT c.source FROM investor_source_class c WHERE c.id = NEW.investor_id), 'none'), 'commitment');
  INSERT OR IGNORE INTO fund_balance (fund_id, source, measure, date, cum_fen)
  VALUES (NEW.fund_id, COALESCE((SELECT c.source FROM investor_source_class c WHERE c.id = NEW.investor_id), 'none'), 'commitment', NEW.date, COALESCE((
    SELECT b.cum_fen FROM fund_balance b
    WHERE b.fund_id = NEW.fund_id AND b.source = COALESCE((SELECT c.source FROM investor_source_class c WHERE c.id = NEW.investor_id), 'none') AND b.measure = 'commitment' AND b.date < NEW.date
    ORDER BY b.date DESC LIMIT 1), 0));
  UPDATE fund_balance SET cum_fen = cum_fen + (NEW.amount_fen)
  WHERE fund_id = NEW.fund_id AND source = COALESCE((SELECT c.source FROM investor_source_class c WHERE c.id = NEW.investor_id), 'none') AND measure = 'commitment' AND date >= NEW.date;
  INSERT OR IGNORE INTO fund_balance_key (fund_id, source, measure) VALUES (NEW.fund_id, '*', 'commitment');
  INSERT OR IGNORE INTO fund_balance (fund_id, source, measure, date, cum_fen)
  VALUES (NEW.fund_id, '*', 'commitment', NEW.date, COALESCE((
    SELECT b.cum_fen FROM fund_balance b
    WHERE b.fund_id = NEW.fund_id AND b.source = '*' AND b.measure = 'commitment' AND b.date < NEW.date
    ORDER BY b.date DESC LIMIT 1), 0));
  UPDATE fund_balance SET cum_fen = cum_fen + (NEW.amount_fen)
  WHERE fund_id = NEW.fund_id AND source = '*' AND measure = 'commitment' AND date >= NEW.date;
END;
--> statement-breakpoint
-- The balances are kept by source: an investor's source (or its being a fund of the group) is fixed
-- once money has moved under it.
CREATE TRIGGER investor_source_fixed BEFORE UPDATE OF source_type, fund_id ON investor
WHEN (NEW.source_type IS NOT OLD.source_type OR NEW.fund_id IS NOT OLD.fund_id)
  AND (EXISTS (SELECT 1 FROM commitment WHERE investor_id = OLD.id) OR EXISTS (SELECT 1 FROM ledger_entry WHERE investor_id = OLD.id))
BEGIN SELECT RAISE(ABORT, 'investor source_type and fund_id are fixed once it has commitments or ledger entries'); END;
