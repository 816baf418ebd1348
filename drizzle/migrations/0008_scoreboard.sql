CREATE TABLE `consulting_session` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`listing_attempt_id` integer,
	`date` text NOT NULL,
	`provider` text NOT NULL,
	`topic` text NOT NULL,
	`hours` real,
	`note` text,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`company_id`) REFERENCES `company`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`listing_attempt_id`) REFERENCES `listing_attempt`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consulting_company_idx` ON `consulting_session` (`company_id`,`date`);--> statement-breakpoint
CREATE TABLE `designation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`level` text NOT NULL,
	`status` text NOT NULL,
	`nominated_on` text NOT NULL,
	`nominated_by` integer,
	`criteria` text NOT NULL,
	`evidence` text NOT NULL,
	`facts` text,
	`reviewed_on` text,
	`reviewed_by` integer,
	`review_note` text,
	`effective_on` text,
	`revoked_on` text,
	`revoked_by` integer,
	`revoke_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `company`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`nominated_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `designation_company_idx` ON `designation` (`company_id`);--> statement-breakpoint
CREATE INDEX `designation_level_idx` ON `designation` (`level`,`status`,`effective_on`);--> statement-breakpoint
CREATE UNIQUE INDEX `designation_open_uq` ON `designation` (`company_id`,`level`) WHERE status IN ('nominated', 'approved');--> statement-breakpoint
CREATE TABLE `designation_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`designation_id` integer NOT NULL,
	`action` text NOT NULL,
	`date` text NOT NULL,
	`note` text,
	`at` text NOT NULL,
	`by` integer,
	FOREIGN KEY (`designation_id`) REFERENCES `designation`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `designation_event_idx` ON `designation_event` (`designation_id`,`id`);--> statement-breakpoint
CREATE TABLE `listing_attempt` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`attempt_no` integer NOT NULL,
	`sponsor` text NOT NULL,
	`listing_standard` integer NOT NULL,
	`planned_raise_fen` integer NOT NULL,
	`expected_market_value_fen` integer,
	`opened_on` text NOT NULL,
	`outcome` text,
	`closed_on` text,
	`note` text,
	`created_at` text NOT NULL,
	`created_by` integer,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `company`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `listing_attempt_company_idx` ON `listing_attempt` (`company_id`);--> statement-breakpoint
CREATE INDEX `listing_attempt_outcome_idx` ON `listing_attempt` (`outcome`,`closed_on`);--> statement-breakpoint
CREATE UNIQUE INDEX `listing_attempt_open_uq` ON `listing_attempt` (`company_id`) WHERE outcome IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `listing_attempt_no_uq` ON `listing_attempt` (`company_id`,`attempt_no`);--> statement-breakpoint
CREATE TABLE `listing_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`attempt_id` integer NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`outcome` text,
	`note` text,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`attempt_id`) REFERENCES `listing_attempt`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `listing_event_attempt_idx` ON `listing_event` (`attempt_id`,`id`);--> statement-breakpoint
CREATE INDEX `listing_event_kind_idx` ON `listing_event` (`kind`,`date`);--> statement-breakpoint
CREATE TABLE `listing_subsidy_schedule` (
	`milestone` text PRIMARY KEY NOT NULL,
	`amount_fen` integer NOT NULL,
	`note` text,
	`updated_at` text NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `policy_support` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`kind` text NOT NULL,
	`first_set_kind` text,
	`listing_attempt_id` integer,
	`milestone` text,
	`title` text NOT NULL,
	`reference` text,
	`basis_fen` integer,
	`recipients` text,
	`cap_fen` integer NOT NULL,
	`cap_rule` text NOT NULL,
	`status` text NOT NULL,
	`applied_on` text NOT NULL,
	`applied_fen` integer NOT NULL,
	`decided_on` text,
	`approved_fen` integer,
	`decision_note` text,
	`paid_on` text,
	`paid_fen` integer,
	`created_at` text NOT NULL,
	`created_by` integer,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `company`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`listing_attempt_id`) REFERENCES `listing_attempt`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `policy_support_company_idx` ON `policy_support` (`company_id`,`applied_on`);--> statement-breakpoint
CREATE INDEX `policy_support_kind_idx` ON `policy_support` (`kind`,`status`);--> statement-breakpoint
ALTER TABLE `programme_target` ADD `note` text;