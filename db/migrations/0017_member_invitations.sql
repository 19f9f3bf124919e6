-- Invitations of agents by a company's owner (app/models/company-members.server.ts): a link mailed to one
-- address, kept as the hash of its token; the account that accepts must hold that address.
CREATE TABLE `member_invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`email` text NOT NULL,
	`role` text DEFAULT 'agent' NOT NULL,
	`locale` text DEFAULT 'fr' NOT NULL,
	`token_hash` blob NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`invited_by` integer,
	`expires_at` integer NOT NULL,
	`accepted_by` integer,
	`decided_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`accepted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `member_invitations_token_unique` ON `member_invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `member_invitations_company_idx` ON `member_invitations` (`company_id`,`status`,`created_at`);