-- The hourly retention purge finds removed replies and follow-ups whose text is still kept
-- through these (a few rows) instead of reading every reply (about a million on seed:large).
CREATE INDEX `follow_ups_erasure_due_idx` ON `follow_ups` (`removed_at`) WHERE status = 'removed' AND content_erased_at IS NULL;--> statement-breakpoint
CREATE INDEX `replies_erasure_due_idx` ON `replies` (`removed_at`) WHERE status = 'removed' AND content_erased_at IS NULL;