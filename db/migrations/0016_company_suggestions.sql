-- Companies a reviewer adds from /write-a-review/new (app/models/company-suggestions.server.ts):
-- who added it, and whether a moderator listed it. 'listed': every company before this one,
-- and one a moderator accepted; 'pending': waiting in the suggestions queue (reachable at its
-- address, with a "not yet checked" line, but not in search, categories or the sitemap);
-- 'refused': a moderator refused it, hidden from every public page and kept for the log.
ALTER TABLE `companies` ADD `listing` text DEFAULT 'listed' NOT NULL;--> statement-breakpoint
ALTER TABLE `companies` ADD `suggested_by` integer REFERENCES `users`(`id`) ON DELETE set null;--> statement-breakpoint
-- Search finds listed companies only.
DROP TRIGGER IF EXISTS `companies_fts_insert`;
--> statement-breakpoint
CREATE TRIGGER `companies_fts_insert` AFTER INSERT ON `companies` WHEN new.listing = 'listed' BEGIN
  INSERT INTO search_fts(rowid, kind, title, body)
  VALUES (new.id * 4, 'company', new.name, coalesce(new.domain, '') || ' ' || coalesce(new.description_fr, '') || ' ' || coalesce(new.description_en, ''));
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `companies_fts_update`;
--> statement-breakpoint
CREATE TRIGGER `companies_fts_update` AFTER UPDATE OF name, domain, description_fr, description_en, listing ON `companies` BEGIN
  DELETE FROM search_fts WHERE rowid = old.id * 4;
  INSERT INTO search_fts(rowid, kind, title, body)
  SELECT new.id * 4, 'company', new.name, coalesce(new.domain, '') || ' ' || coalesce(new.description_fr, '') || ' ' || coalesce(new.description_en, '')
  WHERE new.listing = 'listed';
END;
