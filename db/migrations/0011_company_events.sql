CREATE TABLE `company_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`actor_id` integer,
	`kind` text NOT NULL,
	`claim_id` integer,
	`detail` text DEFAULT '{}' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claim_id`) REFERENCES `company_claims`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `company_events_company_idx` ON `company_events` (`company_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `company_claims_company_idx` ON `company_claims` (`company_id`,`user_id`,`status`);--> statement-breakpoint
-- The company log is append-only, like the moderation log.
CREATE TRIGGER `company_events_no_update` BEFORE UPDATE ON `company_events` BEGIN
  SELECT RAISE(ABORT, 'company_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `company_events_no_delete` BEFORE DELETE ON `company_events` BEGIN
  SELECT RAISE(ABORT, 'company_events is append-only');
END;
