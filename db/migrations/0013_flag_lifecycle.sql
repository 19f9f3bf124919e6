CREATE TABLE `flag_responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`author_id` integer,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `flag_responses_review_idx` ON `flag_responses` (`review_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `flags` ADD `deadline_at` integer;--> statement-breakpoint
CREATE INDEX `flags_reporter_user_idx` ON `flags` (`reporter_user_id`,`created_at`);