CREATE TABLE `pending_uploads` (
	`storage_key` text PRIMARY KEY NOT NULL,
	`owner_id` integer NOT NULL,
	`mime` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`bytes` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pending_uploads_created_idx` ON `pending_uploads` (`created_at`);--> statement-breakpoint
CREATE INDEX `review_media_storage_key_idx` ON `review_media` (`storage_key`);