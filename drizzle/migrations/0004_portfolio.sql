CREATE TABLE `investment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fund_id` integer NOT NULL,
	`company_id` integer NOT NULL,
	`date` text NOT NULL,
	`round` text NOT NULL,
	`instrument` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`equity_share` real NOT NULL,
	`round_size_fen` integer,
	`post_money_fen` integer,
	`co_investors` text DEFAULT '[]' NOT NULL,
	`memo` text,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`fund_id`) REFERENCES `fund`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `company`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `investment_fund_company_idx` ON `investment` (`fund_id`,`company_id`,`date`);--> statement-breakpoint
CREATE INDEX `investment_company_idx` ON `investment` (`company_id`,`date`);--> statement-breakpoint
CREATE TABLE `investment_exit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fund_id` integer NOT NULL,
	`company_id` integer NOT NULL,
	`date` text NOT NULL,
	`route` text NOT NULL,
	`share_sold` real NOT NULL,
	`proceeds_fen` integer NOT NULL,
	`memo` text,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`fund_id`) REFERENCES `fund`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `company`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `exit_fund_company_idx` ON `investment_exit` (`fund_id`,`company_id`,`date`);--> statement-breakpoint
CREATE TABLE `kpi_snapshot` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`period` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`cumulative` integer NOT NULL,
	`revenue_fen` integer,
	`output_value_fen` integer,
	`rnd_fen` integer,
	`headcount` integer,
	`patents` integer,
	`tax_fen` integer,
	`source` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`company_id`) REFERENCES `company`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `kpi_company_period_idx` ON `kpi_snapshot` (`company_id`,`period_end`,`period`);--> statement-breakpoint
CREATE TABLE `valuation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fund_id` integer NOT NULL,
	`company_id` integer NOT NULL,
	`date` text NOT NULL,
	`value_fen` integer NOT NULL,
	`method` text NOT NULL,
	`basis` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer,
	`reviewed_at` text,
	`reviewed_by` integer,
	`review_note` text,
	FOREIGN KEY (`fund_id`) REFERENCES `fund`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `company`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `valuation_position_idx` ON `valuation` (`fund_id`,`company_id`,`status`,`date`);--> statement-breakpoint
CREATE INDEX `valuation_status_idx` ON `valuation` (`status`,`fund_id`);--> statement-breakpoint
ALTER TABLE `ledger_entry` ADD `investment_id` integer REFERENCES investment(id);--> statement-breakpoint
CREATE INDEX `ledger_investment_id_idx` ON `ledger_entry` (`investment_id`);