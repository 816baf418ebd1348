CREATE TABLE `index_level` (
	`index_code` text NOT NULL,
	`date` text NOT NULL,
	`level` real NOT NULL,
	PRIMARY KEY(`index_code`, `date`),
	FOREIGN KEY (`index_code`) REFERENCES `market_index`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `market_index` (
	`code` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`source` text NOT NULL,
	`updated_at` text NOT NULL
);
