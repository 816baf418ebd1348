CREATE TABLE `statement_issue` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fund_id` integer NOT NULL,
	`quarter` text NOT NULL,
	`issued_at` text NOT NULL,
	`issued_by` integer,
	`note` text,
	`lines` text NOT NULL,
	`digest` text NOT NULL,
	FOREIGN KEY (`fund_id`) REFERENCES `fund`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `statement_issue_fund_quarter_idx` ON `statement_issue` (`fund_id`,`quarter`,`id`);--> statement-breakpoint
CREATE TRIGGER statement_issue_no_update BEFORE UPDATE ON statement_issue
BEGIN SELECT RAISE(ABORT, 'statement_issue is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER statement_issue_no_delete BEFORE DELETE ON statement_issue
BEGIN SELECT RAISE(ABORT, 'statement_issue is append-only'); END;
