-- Portfolio history is never rewritten. Investments, exits and KPI snapshots are append-only; a mark's
-- value, date, method and basis never change — only its one review (pending → approved | rejected).
CREATE TRIGGER investment_no_update BEFORE UPDATE ON investment
BEGIN SELECT RAISE(ABORT, 'investment is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER investment_no_delete BEFORE DELETE ON investment
BEGIN SELECT RAISE(ABORT, 'investment is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER investment_exit_no_update BEFORE UPDATE ON investment_exit
BEGIN SELECT RAISE(ABORT, 'investment_exit is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER investment_exit_no_delete BEFORE DELETE ON investment_exit
BEGIN SELECT RAISE(ABORT, 'investment_exit is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER kpi_snapshot_no_update BEFORE UPDATE ON kpi_snapshot
BEGIN SELECT RAISE(ABORT, 'kpi_snapshot is append-only: enter a newer snapshot for the period'); END;
--> statement-breakpoint
CREATE TRIGGER kpi_snapshot_no_delete BEFORE DELETE ON kpi_snapshot
BEGIN SELECT RAISE(ABORT, 'kpi_snapshot is append-only: enter a newer snapshot for the period'); END;
--> statement-breakpoint
CREATE TRIGGER valuation_no_delete BEFORE DELETE ON valuation
BEGIN SELECT RAISE(ABORT, 'valuation is append-only: enter a new mark'); END;
--> statement-breakpoint
CREATE TRIGGER valuation_review_only BEFORE UPDATE ON valuation
WHEN OLD.status <> 'pending'
  OR NEW.status NOT IN ('approved', 'rejected')
  OR NEW.reviewed_at IS NULL
  OR NEW.fund_id IS NOT OLD.fund_id OR NEW.company_id IS NOT OLD.company_id OR NEW.date IS NOT OLD.date
  OR NEW.value_fen IS NOT OLD.value_fen OR NEW.method IS NOT OLD.method OR NEW.basis IS NOT OLD.basis
  OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
BEGIN SELECT RAISE(ABORT, 'a valuation is never overwritten: only a pending mark may be reviewed, once'); END;
