CREATE TABLE `company_merge` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`from_id` integer NOT NULL,
	`into_id` integer NOT NULL,
	`at` text NOT NULL,
	`actor_user_id` integer,
	`details` text NOT NULL,
	FOREIGN KEY (`from_id`) REFERENCES `company`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`into_id`) REFERENCES `company`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `company_merge_into_idx` ON `company_merge` (`into_id`);--> statement-breakpoint
CREATE INDEX `company_merge_from_idx` ON `company_merge` (`from_id`);--> statement-breakpoint
CREATE TABLE `deal` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fund_id` integer NOT NULL,
	`pipeline` text NOT NULL,
	`company_id` integer,
	`applicant_id` integer,
	`proposal_name_zh` text,
	`proposal_name_en` text,
	`proposal_size_fen` integer,
	`proposal_sectors` text,
	`stage` text NOT NULL,
	`previous_stage` text,
	`stage_entered_at` text NOT NULL,
	`owner_id` integer,
	`source` text NOT NULL,
	`round` text,
	`amount_fen` integer,
	`pre_money_fen` integer,
	`next_step` text,
	`next_step_date` text,
	`score` real,
	`score_complete` integer DEFAULT false NOT NULL,
	`closing_date` text,
	`closing_amount_fen` integer,
	`closing_round` text,
	`closing_equity` real,
	`closing_instrument` text,
	`result_fund_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`fund_id`) REFERENCES `fund`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `company`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`applicant_id`) REFERENCES `manager`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`result_fund_id`) REFERENCES `fund`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deal_company_fund_uq` ON `deal` (`company_id`,`fund_id`);--> statement-breakpoint
CREATE INDEX `deal_fund_stage_idx` ON `deal` (`fund_id`,`pipeline`,`stage`,`score`,`amount_fen`);--> statement-breakpoint
CREATE INDEX `deal_fund_updated_idx` ON `deal` (`fund_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `deal_pipeline_updated_idx` ON `deal` (`pipeline`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `deal_pipeline_amount_idx` ON `deal` (`pipeline`,`amount_fen`,`id`);--> statement-breakpoint
CREATE INDEX `deal_pipeline_score_idx` ON `deal` (`pipeline`,`score`,`id`);--> statement-breakpoint
CREATE INDEX `deal_owner_idx` ON `deal` (`owner_id`);--> statement-breakpoint
CREATE INDEX `deal_applicant_idx` ON `deal` (`applicant_id`);--> statement-breakpoint
CREATE TABLE `deal_note` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`deal_id` integer NOT NULL,
	`author_id` integer,
	`author_label` text NOT NULL,
	`body` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`deal_id`) REFERENCES `deal`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deal_note_deal_idx` ON `deal_note` (`deal_id`,`at`);--> statement-breakpoint
CREATE TABLE `deal_score` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`deal_id` integer NOT NULL,
	`scorer_id` integer NOT NULL,
	`criterion` text NOT NULL,
	`score` integer NOT NULL,
	`comment` text,
	`at` text NOT NULL,
	FOREIGN KEY (`deal_id`) REFERENCES `deal`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scorer_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deal_score_uq` ON `deal_score` (`deal_id`,`scorer_id`,`criterion`);--> statement-breakpoint
CREATE TABLE `deal_stage_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`deal_id` integer NOT NULL,
	`from_stage` text,
	`to_stage` text NOT NULL,
	`kind` text NOT NULL,
	`reason` text,
	`at` text NOT NULL,
	`actor_user_id` integer,
	`actor_label` text NOT NULL,
	FOREIGN KEY (`deal_id`) REFERENCES `deal`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deal_stage_event_deal_idx` ON `deal_stage_event` (`deal_id`,`at`);--> statement-breakpoint
CREATE TABLE `pipeline_setting` (
	`fund_id` integer PRIMARY KEY NOT NULL,
	`stage_order` text DEFAULT 'committee_first' NOT NULL,
	`direct_weights` text,
	`selection_weights` text,
	`updated_at` text NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`fund_id`) REFERENCES `fund`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `saved_view` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`name` text NOT NULL,
	`filter` text NOT NULL,
	`sort` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `saved_view_user_name_uq` ON `saved_view` (`user_id`,`name`);--> statement-breakpoint
ALTER TABLE `company` ADD `name_norm` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `company` ADD `merged_into_id` integer REFERENCES company(id);--> statement-breakpoint
ALTER TABLE `company` ADD `created_by` integer;--> statement-breakpoint
CREATE INDEX `company_name_norm_idx` ON `company` (`name_norm`);--> statement-breakpoint
CREATE INDEX `company_merged_idx` ON `company` (`merged_into_id`);