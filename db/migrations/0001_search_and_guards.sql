-- Full-text search over companies, subjects and published review text.
-- Contentless (the text lives in its own tables) with delete support; rowid encodes
-- the source: company id*4, subject id*4+1, review id*4+2.
-- remove_diacritics 2: "cafe" finds "Café"; prefix indexes serve search-as-you-type.
CREATE VIRTUAL TABLE `search_fts` USING fts5(
  `title`, `body`,
  content='', contentless_delete=1,
  tokenize='unicode61 remove_diacritics 2',
  prefix='2 3'
);
--> statement-breakpoint
CREATE TRIGGER `companies_fts_insert` AFTER INSERT ON `companies` BEGIN
  INSERT INTO search_fts(rowid, title, body)
  VALUES (new.id * 4, new.name, coalesce(new.domain, '') || ' ' || coalesce(new.description_fr, '') || ' ' || coalesce(new.description_en, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `companies_fts_update` AFTER UPDATE OF name, domain, description_fr, description_en ON `companies` BEGIN
  DELETE FROM search_fts WHERE rowid = old.id * 4;
  INSERT INTO search_fts(rowid, title, body)
  VALUES (new.id * 4, new.name, coalesce(new.domain, '') || ' ' || coalesce(new.description_fr, '') || ' ' || coalesce(new.description_en, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `companies_fts_delete` AFTER DELETE ON `companies` BEGIN
  DELETE FROM search_fts WHERE rowid = old.id * 4;
END;
--> statement-breakpoint
CREATE TRIGGER `subjects_fts_insert` AFTER INSERT ON `subjects` WHEN new.state = 'active' BEGIN
  INSERT INTO search_fts(rowid, title, body)
  VALUES (new.id * 4 + 1, new.name, coalesce(new.city, '') || ' ' || coalesce(new.address, '') || ' ' || coalesce(new.url, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `subjects_fts_update` AFTER UPDATE OF name, city, address, url, state ON `subjects` BEGIN
  DELETE FROM search_fts WHERE rowid = old.id * 4 + 1;
  INSERT INTO search_fts(rowid, title, body)
  SELECT new.id * 4 + 1, new.name, coalesce(new.city, '') || ' ' || coalesce(new.address, '') || ' ' || coalesce(new.url, '')
  WHERE new.state = 'active';
END;
--> statement-breakpoint
CREATE TRIGGER `subjects_fts_delete` AFTER DELETE ON `subjects` BEGIN
  DELETE FROM search_fts WHERE rowid = old.id * 4 + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `reviews_fts_insert` AFTER INSERT ON `reviews` WHEN new.status = 'published' BEGIN
  INSERT INTO search_fts(rowid, title, body) VALUES (new.id * 4 + 2, new.title, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `reviews_fts_update` AFTER UPDATE OF title, body, status ON `reviews` BEGIN
  DELETE FROM search_fts WHERE rowid = old.id * 4 + 2;
  INSERT INTO search_fts(rowid, title, body)
  SELECT new.id * 4 + 2, new.title, new.body WHERE new.status = 'published';
END;
--> statement-breakpoint
CREATE TRIGGER `reviews_fts_delete` AFTER DELETE ON `reviews` BEGIN
  DELETE FROM search_fts WHERE rowid = old.id * 4 + 2;
END;
--> statement-breakpoint
-- Append-only tables: the moderation log and the revision histories.
CREATE TRIGGER `moderation_decisions_no_update` BEFORE UPDATE ON `moderation_decisions` BEGIN
  SELECT RAISE(ABORT, 'moderation_decisions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `moderation_decisions_no_delete` BEFORE DELETE ON `moderation_decisions` BEGIN
  SELECT RAISE(ABORT, 'moderation_decisions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `review_revisions_no_update` BEFORE UPDATE ON `review_revisions` BEGIN
  SELECT RAISE(ABORT, 'review_revisions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `review_revisions_no_delete` BEFORE DELETE ON `review_revisions` BEGIN
  SELECT RAISE(ABORT, 'review_revisions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `reply_revisions_no_update` BEFORE UPDATE ON `reply_revisions` BEGIN
  SELECT RAISE(ABORT, 'reply_revisions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `reply_revisions_no_delete` BEFORE DELETE ON `reply_revisions` BEGIN
  SELECT RAISE(ABORT, 'reply_revisions is append-only');
END;
