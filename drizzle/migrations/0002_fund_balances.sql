CREATE TABLE `reinvest_evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fund_id` integer NOT NULL,
	`company_id` integer NOT NULL,
	`evidence` text NOT NULL,
	`effective_date` text NOT NULL,
	`note` text,
	`withdrawn` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`fund_id`) REFERENCES `fund`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `company`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reinvest_evidence_fund_idx` ON `reinvest_evidence` (`fund_id`,`company_id`);--> statement-breakpoint
CREATE TABLE `fund_balance` (
	`fund_id` integer NOT NULL,
	`source` text NOT NULL,
	`measure` text NOT NULL,
	`date` text NOT NULL,
	`cum_fen` integer NOT NULL,
	PRIMARY KEY(`fund_id`, `source`, `measure`, `date`)
);
--> statement-breakpoint
CREATE TABLE `fund_balance_key` (
	`fund_id` integer NOT NULL,
	`source` text NOT NULL,
	`measure` text NOT NULL,
	PRIMARY KEY(`fund_id`, `source`, `measure`)
);
--> statement-breakpoint
ALTER TABLE `fund` ADD `reinvest_basis` text DEFAULT 'committed' NOT NULL;--> statement-breakpoint
CREATE INDEX `ledger_investment_idx` ON `ledger_entry` (`fund_id`,`company_id`,`date`,`amount_fen`) WHERE "ledger_entry"."kind" = 'investment';