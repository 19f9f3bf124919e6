-- Review invitations (app/models/review-invitations.server.ts). Written by hand, like 0019.
-- The table exists since 0000; a company's one link to share keeps its token readable
-- (link_token: it is meant to be published), a mailed invitation only its hash. Two
-- indexes: an address already invited by the company (and the opt-out check reads the
-- opt-out table's key), and the reminder job's walk over mailed invitations by send time.
ALTER TABLE `invitations` ADD `link_token` text;--> statement-breakpoint
CREATE INDEX `invitations_company_email_idx` ON `invitations` (`company_id`,`email`,`created_at`);--> statement-breakpoint
CREATE INDEX `invitations_reminder_idx` ON `invitations` (`status`,`sent_at`) WHERE `kind` = 'email';
