CREATE UNIQUE INDEX `appeals_decision_appellant_uq` ON `appeals` (`decision_id`,`appellant_user_id`);--> statement-breakpoint
CREATE INDEX `appeals_outcome_idx` ON `appeals` (`outcome_decision_id`);