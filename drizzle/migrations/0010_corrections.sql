ALTER TABLE `ledger_entry` ADD `exit_id` integer REFERENCES investment_exit(id);--> statement-breakpoint
CREATE INDEX `ledger_exit_id_idx` ON `ledger_entry` (`exit_id`);--> statement-breakpoint
ALTER TABLE `investment` ADD `reverses_id` integer REFERENCES investment(id);--> statement-breakpoint
CREATE UNIQUE INDEX `investment_reverses_uq` ON `investment` (`reverses_id`);--> statement-breakpoint
ALTER TABLE `investment_exit` ADD `reverses_id` integer REFERENCES investment_exit(id);--> statement-breakpoint
CREATE UNIQUE INDEX `exit_reverses_uq` ON `investment_exit` (`reverses_id`);