-- Partner accounting's records are append-only (ADR 045): terms are versioned by effective date, a default,
-- an equalisation or a partner entry is corrected by a reversing row, never by an edit.
CREATE TRIGGER fund_terms_no_update BEFORE UPDATE ON fund_terms
BEGIN SELECT RAISE(ABORT, 'fund_terms is append-only: record a new version with its effective date'); END;
--> statement-breakpoint
CREATE TRIGGER fund_terms_no_delete BEFORE DELETE ON fund_terms
BEGIN SELECT RAISE(ABORT, 'fund_terms is append-only: record a new version with its effective date'); END;
--> statement-breakpoint
CREATE TRIGGER call_default_no_update BEFORE UPDATE ON call_default
BEGIN SELECT RAISE(ABORT, 'call_default is append-only: record a reversing row'); END;
--> statement-breakpoint
CREATE TRIGGER call_default_no_delete BEFORE DELETE ON call_default
BEGIN SELECT RAISE(ABORT, 'call_default is append-only: record a reversing row'); END;
--> statement-breakpoint
CREATE TRIGGER equalisation_no_update BEFORE UPDATE ON equalisation
BEGIN SELECT RAISE(ABORT, 'equalisation is append-only: record a reversing row'); END;
--> statement-breakpoint
CREATE TRIGGER equalisation_no_delete BEFORE DELETE ON equalisation
BEGIN SELECT RAISE(ABORT, 'equalisation is append-only: record a reversing row'); END;
--> statement-breakpoint
CREATE TRIGGER partner_entry_no_update BEFORE UPDATE ON partner_entry
BEGIN SELECT RAISE(ABORT, 'partner_entry is append-only: post a reversing entry'); END;
--> statement-breakpoint
CREATE TRIGGER partner_entry_no_delete BEFORE DELETE ON partner_entry
BEGIN SELECT RAISE(ABORT, 'partner_entry is append-only: post a reversing entry'); END;
--> statement-breakpoint
CREATE TRIGGER partner_entry_kind BEFORE INSERT ON partner_entry
WHEN NEW.kind NOT IN ('forfeiture', 'default_interest', 'equalisation_interest', 'expense', 'income', 'transaction_fee')
BEGIN SELECT RAISE(ABORT, 'partner_entry.kind is not a partner-accounting kind'); END;
--> statement-breakpoint
CREATE TRIGGER capital_call_kind BEFORE INSERT ON capital_call
WHEN NEW.kind NOT IN ('call', 'equalisation')
BEGIN SELECT RAISE(ABORT, 'capital_call.kind must be call or equalisation'); END;
