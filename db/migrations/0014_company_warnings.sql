CREATE TABLE `company_warnings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`reason` text NOT NULL,
	`statement` text NOT NULL,
	`language` text NOT NULL,
	`starts_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`created_by` integer,
	`decision_id` integer NOT NULL,
	`lifted_at` integer,
	`lifted_by` integer,
	`lift_decision_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decision_id`) REFERENCES `moderation_decisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lifted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lift_decision_id`) REFERENCES `moderation_decisions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `company_warnings_company_idx` ON `company_warnings` (`company_id`,`expires_at`);--> statement-breakpoint
ALTER TABLE `follow_ups` ADD `content_erased_at` integer;--> statement-breakpoint
ALTER TABLE `replies` ADD `content_erased_at` integer;--> statement-breakpoint
ALTER TABLE `reviews` ADD `content_erased_at` integer;--> statement-breakpoint
-- The revision histories stay append-only, with one exception: the retention job
-- (app/models/retention.server.ts) blanks the texts of a version once its review (or reply)
-- is marked erased, changing nothing else.
DROP TRIGGER `review_revisions_no_update`;
--> statement-breakpoint
CREATE TRIGGER `review_revisions_no_update` BEFORE UPDATE ON `review_revisions`
WHEN NOT (
  new.title = '' AND new.body = '' AND new.id = old.id AND new.review_id = old.review_id
  AND new.stars = old.stars AND new.experience_date = old.experience_date AND new.channel = old.channel
  AND new.recommend IS old.recommend AND new.created_at = old.created_at
  AND EXISTS (SELECT 1 FROM reviews r WHERE r.id = old.review_id AND r.content_erased_at IS NOT NULL)
) BEGIN
  SELECT RAISE(ABORT, 'review_revisions is append-only');
END;
--> statement-breakpoint
DROP TRIGGER `reply_revisions_no_update`;
--> statement-breakpoint
CREATE TRIGGER `reply_revisions_no_update` BEFORE UPDATE ON `reply_revisions`
WHEN NOT (
  new.body = '' AND new.id = old.id AND new.reply_id = old.reply_id AND new.author_id IS old.author_id
  AND new.created_at = old.created_at
  AND EXISTS (SELECT 1 FROM replies p WHERE p.id = old.reply_id AND p.content_erased_at IS NOT NULL)
) BEGIN
  SELECT RAISE(ABORT, 'reply_revisions is append-only');
END;
