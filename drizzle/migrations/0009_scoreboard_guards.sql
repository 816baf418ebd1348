-- A designation's history is never rewritten; a listing stage, once recorded, keeps its date and kind
-- (the one correction is removing the latest event of an open attempt, audited in the application).
CREATE TRIGGER designation_event_no_update BEFORE UPDATE ON designation_event
BEGIN SELECT RAISE(ABORT, 'designation_event is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER designation_event_no_delete BEFORE DELETE ON designation_event
BEGIN SELECT RAISE(ABORT, 'designation_event is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER listing_event_no_update BEFORE UPDATE ON listing_event
BEGIN SELECT RAISE(ABORT, 'listing_event is never edited: undo the latest event and record it again'); END;
