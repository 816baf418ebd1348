CREATE TABLE `call_default` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fund_id` integer NOT NULL,
	`investor_id` integer NOT NULL,
	`call_entry_id` integer NOT NULL,
	`notice_date` text NOT NULL,
	`cure_days` integer NOT NULL,
	`interest_rate` real NOT NULL,
	`reverses_id` integer,
	`memo` text,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`fund_id`) REFERENCES `fund`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`investor_id`) REFERENCES `investor`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`call_entry_id`) REFERENCES `ledger_entry`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reverses_id`) REFERENCES `call_default`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `call_default_fund_idx` ON `call_default` (`fund_id`,`notice_date`);--> statement-breakpoint
CREATE INDEX `call_default_entry_idx` ON `call_default` (`call_entry_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `call_default_reverses_uq` ON `call_default` (`reverses_id`);--> statement-breakpoint
CREATE TABLE `equalisation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fund_id` integer NOT NULL,
	`investor_id` integer NOT NULL,
	`close_date` text NOT NULL,
	`call_id` integer,
	`rate` real NOT NULL,
	`principal_fen` integer NOT NULL,
	`interest_fen` integer NOT NULL,
	`reverses_id` integer,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`fund_id`) REFERENCES `fund`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`investor_id`) REFERENCES `investor`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`call_id`) REFERENCES `capital_call`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reverses_id`) REFERENCES `equalisation`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `equalisation_fund_idx` ON `equalisation` (`fund_id`,`close_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `equalisation_reverses_uq` ON `equalisation` (`reverses_id`);--> statement-breakpoint
CREATE TABLE `fund_terms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fund_id` integer NOT NULL,
	`effective_date` text NOT NULL,
	`waterfall_kind` text DEFAULT 'european' NOT NULL,
	`hurdle` real NOT NULL,
	`carry` real NOT NULL,
	`catch_up` real NOT NULL,
	`allocation_basis` text DEFAULT 'commitment' NOT NULL,
	`fee_investment_period_end` text NOT NULL,
	`fee_post_basis` text NOT NULL,
	`fee_steps` text NOT NULL,
	`fee_offset_share` real DEFAULT 1 NOT NULL,
	`default_cure_days` integer DEFAULT 10 NOT NULL,
	`default_interest_rate` real DEFAULT 0 NOT NULL,
	`default_remedy` text DEFAULT 'reallocate' NOT NULL,
	`default_forfeiture` real DEFAULT 0 NOT NULL,
	`equalisation_rate` real DEFAULT 0 NOT NULL,
	`concession` text,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`fund_id`) REFERENCES `fund`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fund_terms_fund_date_idx` ON `fund_terms` (`fund_id`,`effective_date`);--> statement-breakpoint
CREATE TABLE `partner_entry` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fund_id` integer NOT NULL,
	`kind` text NOT NULL,
	`investor_id` integer,
	`amount_fen` integer NOT NULL,
	`date` text NOT NULL,
	`call_default_id` integer,
	`equalisation_id` integer,
	`reverses_id` integer,
	`memo` text,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`fund_id`) REFERENCES `fund`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`investor_id`) REFERENCES `investor`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`call_default_id`) REFERENCES `call_default`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`equalisation_id`) REFERENCES `equalisation`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reverses_id`) REFERENCES `partner_entry`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `partner_entry_fund_date_idx` ON `partner_entry` (`fund_id`,`date`);--> statement-breakpoint
CREATE INDEX `partner_entry_investor_idx` ON `partner_entry` (`investor_id`,`date`);--> statement-breakpoint
CREATE UNIQUE INDEX `partner_entry_reverses_uq` ON `partner_entry` (`reverses_id`);--> statement-breakpoint
ALTER TABLE `capital_call` ADD `kind` text DEFAULT 'call' NOT NULL;