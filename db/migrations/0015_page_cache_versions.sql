-- Data versions for the page cache of anonymous readers (app/lib/page-cache.server.ts,
-- app/models/data-versions.server.ts). Written by hand (not drizzle-kit: the table is not
-- in db/schema.ts, it is maintained by these triggers only and read by one model).
--
-- scope 0 is the whole site; scope N is company N. A cached page keeps the version it was
-- rendered at and is served again only while that version is unchanged: company, subject
-- and review pages read their company's version, every other page (home, search,
-- categories, profiles, sitemaps, transparency…) the site's.
--
-- Every write to a table a public page shows bumps, in the writing statement itself (so in
-- the same transaction, in whichever process wrote), the version of each company the row
-- belongs to (before and after an update) and always the site's. A missing row reads as 0
-- and is created at 1. Tables no public page shows (sessions, mails, notifications, rate
-- limits, jobs, revisions, tokens, uploads, webhooks, invitations) have no trigger.
CREATE TABLE `data_versions` (
	`scope` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `data_versions` (`scope`, `version`) VALUES (0, 1);
--> statement-breakpoint
CREATE TRIGGER `data_versions_reviews_insert` AFTER INSERT ON `reviews` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT NEW.company_id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_reviews_update` AFTER UPDATE ON `reviews` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT OLD.company_id
    UNION SELECT NEW.company_id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_reviews_delete` AFTER DELETE ON `reviews` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT OLD.company_id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_replies_insert` AFTER INSERT ON `replies` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT NEW.company_id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_replies_update` AFTER UPDATE ON `replies` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT OLD.company_id
    UNION SELECT NEW.company_id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_replies_delete` AFTER DELETE ON `replies` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT OLD.company_id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_follow_ups_insert` AFTER INSERT ON `follow_ups` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT (SELECT company_id FROM reviews WHERE id = NEW.review_id)
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_follow_ups_update` AFTER UPDATE ON `follow_ups` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT (SELECT company_id FROM reviews WHERE id = OLD.review_id)
    UNION SELECT (SELECT company_id FROM reviews WHERE id = NEW.review_id)
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_follow_ups_delete` AFTER DELETE ON `follow_ups` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT (SELECT company_id FROM reviews WHERE id = OLD.review_id)
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_helpful_votes_insert` AFTER INSERT ON `helpful_votes` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT (SELECT company_id FROM reviews WHERE id = NEW.review_id)
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_helpful_votes_update` AFTER UPDATE ON `helpful_votes` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT (SELECT company_id FROM reviews WHERE id = OLD.review_id)
    UNION SELECT (SELECT company_id FROM reviews WHERE id = NEW.review_id)
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_helpful_votes_delete` AFTER DELETE ON `helpful_votes` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT (SELECT company_id FROM reviews WHERE id = OLD.review_id)
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_review_media_insert` AFTER INSERT ON `review_media` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT (SELECT company_id FROM reviews WHERE id = NEW.review_id)
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_review_media_update` AFTER UPDATE ON `review_media` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT (SELECT company_id FROM reviews WHERE id = OLD.review_id)
    UNION SELECT (SELECT company_id FROM reviews WHERE id = NEW.review_id)
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_review_media_delete` AFTER DELETE ON `review_media` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT (SELECT company_id FROM reviews WHERE id = OLD.review_id)
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_flags_insert` AFTER INSERT ON `flags` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT (SELECT company_id FROM reviews WHERE id = NEW.review_id)
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_flags_update` AFTER UPDATE ON `flags` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT (SELECT company_id FROM reviews WHERE id = OLD.review_id)
    UNION SELECT (SELECT company_id FROM reviews WHERE id = NEW.review_id)
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_flags_delete` AFTER DELETE ON `flags` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT (SELECT company_id FROM reviews WHERE id = OLD.review_id)
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_conduct_reports_insert` AFTER INSERT ON `conduct_reports` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT NEW.company_id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_conduct_reports_update` AFTER UPDATE ON `conduct_reports` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT OLD.company_id
    UNION SELECT NEW.company_id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_conduct_reports_delete` AFTER DELETE ON `conduct_reports` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT OLD.company_id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_companies_insert` AFTER INSERT ON `companies` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT NEW.id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_companies_update` AFTER UPDATE ON `companies` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT OLD.id
    UNION SELECT NEW.id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_companies_delete` AFTER DELETE ON `companies` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT OLD.id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_company_categories_insert` AFTER INSERT ON `company_categories` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT NEW.company_id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_company_categories_update` AFTER UPDATE ON `company_categories` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT OLD.company_id
    UNION SELECT NEW.company_id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_company_categories_delete` AFTER DELETE ON `company_categories` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT OLD.company_id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_company_claims_insert` AFTER INSERT ON `company_claims` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT NEW.company_id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_company_claims_update` AFTER UPDATE ON `company_claims` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT OLD.company_id
    UNION SELECT NEW.company_id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_company_claims_delete` AFTER DELETE ON `company_claims` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT OLD.company_id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_company_members_insert` AFTER INSERT ON `company_members` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT NEW.company_id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_company_members_update` AFTER UPDATE ON `company_members` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT OLD.company_id
    UNION SELECT NEW.company_id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_company_members_delete` AFTER DELETE ON `company_members` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT OLD.company_id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_company_warnings_insert` AFTER INSERT ON `company_warnings` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT NEW.company_id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_company_warnings_update` AFTER UPDATE ON `company_warnings` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT OLD.company_id
    UNION SELECT NEW.company_id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_company_warnings_delete` AFTER DELETE ON `company_warnings` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT OLD.company_id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_subjects_insert` AFTER INSERT ON `subjects` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT NEW.company_id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_subjects_update` AFTER UPDATE ON `subjects` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT OLD.company_id
    UNION SELECT NEW.company_id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_subjects_delete` AFTER DELETE ON `subjects` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT OLD.company_id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_rating_stats_insert` AFTER INSERT ON `rating_stats` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT CASE NEW.scope WHEN 'company' THEN NEW.scope_id ELSE (SELECT company_id FROM subjects WHERE id = NEW.scope_id) END
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_rating_stats_update` AFTER UPDATE ON `rating_stats` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT CASE OLD.scope WHEN 'company' THEN OLD.scope_id ELSE (SELECT company_id FROM subjects WHERE id = OLD.scope_id) END
    UNION SELECT CASE NEW.scope WHEN 'company' THEN NEW.scope_id ELSE (SELECT company_id FROM subjects WHERE id = NEW.scope_id) END
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_rating_stats_delete` AFTER DELETE ON `rating_stats` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT CASE OLD.scope WHEN 'company' THEN OLD.scope_id ELSE (SELECT company_id FROM subjects WHERE id = OLD.scope_id) END
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_appeals_insert` AFTER INSERT ON `appeals` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_appeals_update` AFTER UPDATE ON `appeals` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_appeals_delete` AFTER DELETE ON `appeals` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
-- The moderation log is append-only: each decision bumps the company of its target
-- (the removed-reviews counts of a company page read the log) and the site (transparency).
CREATE TRIGGER `data_versions_moderation_decisions_insert` AFTER INSERT ON `moderation_decisions` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT company_id FROM reviews WHERE NEW.target_type = 'review' AND id = NEW.target_id
    UNION SELECT company_id FROM replies WHERE NEW.target_type = 'reply' AND id = NEW.target_id
    UNION SELECT r.company_id FROM follow_ups f JOIN reviews r ON r.id = f.review_id WHERE NEW.target_type = 'follow_up' AND f.id = NEW.target_id
    UNION SELECT NEW.target_id WHERE NEW.target_type = 'company'
    UNION SELECT company_id FROM subjects WHERE NEW.target_type = 'subject' AND id = NEW.target_id
    UNION SELECT company_id FROM company_claims WHERE NEW.target_type = 'claim' AND id = NEW.target_id
    UNION SELECT r.company_id FROM review_media m JOIN reviews r ON r.id = m.review_id WHERE NEW.target_type = 'media' AND m.id = NEW.target_id
    UNION SELECT company_id FROM company_categories WHERE NEW.target_type = 'category' AND category_id = NEW.target_id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
-- A category's names show on the pages of its companies.
CREATE TRIGGER `data_versions_categories_insert` AFTER INSERT ON `categories` BEGIN
  INSERT INTO data_versions (scope, version) VALUES (0, 1)
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_categories_update` AFTER UPDATE ON `categories` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT company_id FROM company_categories WHERE category_id IN (OLD.id, NEW.id)
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
-- Before the delete: its company_categories rows (deleted by the cascade) still name the companies.
CREATE TRIGGER `data_versions_categories_delete` BEFORE DELETE ON `categories` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT company_id FROM company_categories WHERE category_id = OLD.id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
-- A member's name, review count and deletion show beside each of their reviews, on the
-- pages of every company they reviewed; their profile is a site page.
CREATE TRIGGER `data_versions_users_insert` AFTER INSERT ON `users` BEGIN
  INSERT INTO data_versions (scope, version) VALUES (0, 1)
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `data_versions_users_update` AFTER UPDATE ON `users` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT company_id FROM reviews
      WHERE author_id IN (OLD.id, NEW.id)
        AND (OLD.display_name IS NOT NEW.display_name OR OLD.deleted_at IS NOT NEW.deleted_at
             OR OLD.review_count IS NOT NEW.review_count OR OLD.id IS NOT NEW.id)
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
-- Before the delete: the cascade then sets the reviews' author to null.
CREATE TRIGGER `data_versions_users_delete` BEFORE DELETE ON `users` BEGIN
  INSERT INTO data_versions (scope, version)
  SELECT scope, 1 FROM (
    SELECT 0 AS scope
    UNION SELECT company_id FROM reviews WHERE author_id = OLD.id
  ) WHERE scope IS NOT NULL
  ON CONFLICT (scope) DO UPDATE SET version = version + 1;
END;
