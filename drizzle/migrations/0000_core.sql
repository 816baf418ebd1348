CREATE TABLE `audit_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_user_id` integer,
	`actor_label` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	`request_id` text
);
--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_event` (`at`);--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_event` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_actor_idx` ON `audit_event` (`actor_user_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_action_idx` ON `audit_event` (`action`,`at`);--> statement-breakpoint
CREATE TABLE `session` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`user_agent` text,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `session_user_idx` ON `session` (`user_id`);--> statement-breakpoint
CREATE INDEX `session_expires_idx` ON `session` (`expires_at`);--> statement-breakpoint
CREATE TABLE `user` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`investor_id` integer,
	`must_change_password` integer DEFAULT false NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`locale` text DEFAULT 'zh-CN' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`investor_id`) REFERENCES `investor`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_email_unique` ON `user` (`email`);--> statement-breakpoint
CREATE INDEX `user_investor_idx` ON `user` (`investor_id`);--> statement-breakpoint
CREATE TABLE `user_fund` (
	`user_id` integer NOT NULL,
	`fund_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `fund_id`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`fund_id`) REFERENCES `fund`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `user_fund_fund_idx` ON `user_fund` (`fund_id`);--> statement-breakpoint
CREATE TABLE `company` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uscc` text,
	`name_zh` text NOT NULL,
	`name_en` text,
	`sector` text NOT NULL,
	`zone` text NOT NULL,
	`registered_in_shanghai` integer NOT NULL,
	`founded` text,
	`ownership` text NOT NULL,
	`headcount` integer,
	`website` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `company_uscc_unique` ON `company` (`uscc`);--> statement-breakpoint
CREATE INDEX `company_sector_idx` ON `company` (`sector`);--> statement-breakpoint
CREATE INDEX `company_zone_idx` ON `company` (`zone`);--> statement-breakpoint
CREATE TABLE `commitment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fund_id` integer NOT NULL,
	`investor_id` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`date` text NOT NULL,
	`phase` integer,
	`override_reason` text,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`fund_id`) REFERENCES `fund`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`investor_id`) REFERENCES `investor`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `commitment_fund_idx` ON `commitment` (`fund_id`,`date`);--> statement-breakpoint
CREATE INDEX `commitment_investor_idx` ON `commitment` (`investor_id`,`date`);--> statement-breakpoint
CREATE TABLE `fund` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`parent_fund_id` integer,
	`code` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`manager_id` integer,
	`sponsor_type` text,
	`batch` integer,
	`is_fund_of_funds` integer DEFAULT false NOT NULL,
	`vintage` integer,
	`decision_date` text,
	`established_date` text,
	`term_years` integer,
	`investment_period_years` integer,
	`target_size_fen` integer,
	`sector_focus` text DEFAULT '[]' NOT NULL,
	`status` text NOT NULL,
	`gov_share_cap` real,
	`gov_share_override_allowed` integer DEFAULT false NOT NULL,
	`reinvest_k` real DEFAULT 0 NOT NULL,
	`reinvest_weight_registered` real DEFAULT 1 NOT NULL,
	`reinvest_weight_relocated` real DEFAULT 0 NOT NULL,
	`reinvest_weight_subsidiary` real DEFAULT 0 NOT NULL,
	`fee_basis` text,
	`fee_rate` real,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`parent_fund_id`) REFERENCES `fund`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`manager_id`) REFERENCES `manager`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fund_code_unique` ON `fund` (`code`);--> statement-breakpoint
CREATE INDEX `fund_parent_idx` ON `fund` (`parent_fund_id`);--> statement-breakpoint
CREATE INDEX `fund_kind_batch_idx` ON `fund` (`kind`,`batch`);--> statement-breakpoint
CREATE TABLE `fund_phase` (
	`fund_id` integer NOT NULL,
	`phase` integer NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`target_size_fen` integer NOT NULL,
	`status` text NOT NULL,
	`planned_date` text,
	PRIMARY KEY(`fund_id`, `phase`),
	FOREIGN KEY (`fund_id`) REFERENCES `fund`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `investor` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`source_type` text NOT NULL,
	`fund_id` integer,
	`uscc` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`fund_id`) REFERENCES `fund`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `investor_fund_uq` ON `investor` (`fund_id`);--> statement-breakpoint
CREATE TABLE `manager` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`uscc` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `manager_uscc_unique` ON `manager` (`uscc`);--> statement-breakpoint
CREATE TABLE `programme` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `programme_code_unique` ON `programme` (`code`);--> statement-breakpoint
CREATE TABLE `programme_target` (
	`programme_id` integer NOT NULL,
	`metric` text NOT NULL,
	`target_value` integer NOT NULL,
	PRIMARY KEY(`programme_id`, `metric`),
	FOREIGN KEY (`programme_id`) REFERENCES `programme`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `capital_call` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fund_id` integer NOT NULL,
	`call_no` integer NOT NULL,
	`notice_date` text NOT NULL,
	`due_date` text NOT NULL,
	`total_fen` integer NOT NULL,
	`purpose` text,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`fund_id`) REFERENCES `fund`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `capital_call_no_uq` ON `capital_call` (`fund_id`,`call_no`);--> statement-breakpoint
CREATE TABLE `ledger_entry` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fund_id` integer NOT NULL,
	`kind` text NOT NULL,
	`investor_id` integer,
	`company_id` integer,
	`amount_fen` integer NOT NULL,
	`date` text NOT NULL,
	`call_id` integer,
	`reverses_id` integer,
	`memo` text,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`fund_id`) REFERENCES `fund`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`investor_id`) REFERENCES `investor`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `company`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`call_id`) REFERENCES `capital_call`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reverses_id`) REFERENCES `ledger_entry`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_fund_date_idx` ON `ledger_entry` (`fund_id`,`date`);--> statement-breakpoint
CREATE INDEX `ledger_fund_investor_idx` ON `ledger_entry` (`fund_id`,`investor_id`,`kind`,`date`);--> statement-breakpoint
CREATE INDEX `ledger_investor_idx` ON `ledger_entry` (`investor_id`,`date`);--> statement-breakpoint
CREATE INDEX `ledger_company_idx` ON `ledger_entry` (`company_id`,`date`);--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_reverses_uq` ON `ledger_entry` (`reverses_id`);--> statement-breakpoint
CREATE TABLE `nav_statement` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fund_id` integer NOT NULL,
	`date` text NOT NULL,
	`nav_fen` integer NOT NULL,
	`source` text,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`fund_id`) REFERENCES `fund`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `nav_fund_date_idx` ON `nav_statement` (`fund_id`,`date`);