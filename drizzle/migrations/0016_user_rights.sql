CREATE TABLE `user_right` (
	`user_id` integer NOT NULL,
	`right` text NOT NULL CHECK (`right` IN ('signOff', 'refer')),
	PRIMARY KEY(`user_id`, `right`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
