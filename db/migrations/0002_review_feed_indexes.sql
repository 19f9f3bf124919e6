DROP INDEX `reviews_company_feed_idx`;--> statement-breakpoint
DROP INDEX `reviews_company_helpful_idx`;--> statement-breakpoint
DROP INDEX `reviews_subject_feed_idx`;--> statement-breakpoint
CREATE INDEX `reviews_company_feed_idx` ON `reviews` (`company_id`,`published_at`,`id`);--> statement-breakpoint
CREATE INDEX `reviews_company_helpful_idx` ON `reviews` (`company_id`,`helpful_count`,`id`);--> statement-breakpoint
CREATE INDEX `reviews_subject_feed_idx` ON `reviews` (`subject_id`,`published_at`,`id`);