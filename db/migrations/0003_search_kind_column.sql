-- Search gets a `kind` column (company, subject, review) so that a query can ask for
-- one kind inside FTS5 itself ("kind:company AND …"), which stays fast when a common
-- word matches millions of reviews. Same rowid encoding as before.
DROP TRIGGER IF EXISTS `companies_fts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `companies_fts_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `companies_fts_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `subjects_fts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `subjects_fts_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `subjects_fts_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `reviews_fts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `reviews_fts_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `reviews_fts_delete`;
--> statement-breakpoint
DROP TABLE IF EXISTS `search_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_fts` USING fts5(
  `kind`, `title`, `body`,
  content='', contentless_delete=1,
  tokenize='unicode61 remove_diacritics 2',
  prefix='2 3'
);
--> statement-breakpoint
INSERT INTO search_fts(rowid, kind, title, body)
SELECT id * 4, 'company', name, coalesce(domain, '') || ' ' || coalesce(description_fr, '') || ' ' || coalesce(description_en, '') FROM companies;
--> statement-breakpoint
INSERT INTO search_fts(rowid, kind, title, body)
SELECT id * 4 + 1, 'subject', name, coalesce(city, '') || ' ' || coalesce(address, '') || ' ' || coalesce(url, '') FROM subjects WHERE state = 'active';
--> statement-breakpoint
INSERT INTO search_fts(rowid, kind, title, body)
SELECT id * 4 + 2, 'review', title, body FROM reviews WHERE status = 'published';
--> statement-breakpoint
CREATE TRIGGER `companies_fts_insert` AFTER INSERT ON `companies` BEGIN
  INSERT INTO search_fts(rowid, kind, title, body)
  VALUES (new.id * 4, 'company', new.name, coalesce(new.domain, '') || ' ' || coalesce(new.description_fr, '') || ' ' || coalesce(new.description_en, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `companies_fts_update` AFTER UPDATE OF name, domain, description_fr, description_en ON `companies` BEGIN
  DELETE FROM search_fts WHERE rowid = old.id * 4;
  INSERT INTO search_fts(rowid, kind, title, body)
  VALUES (new.id * 4, 'company', new.name, coalesce(new.domain, '') || ' ' || coalesce(new.description_fr, '') || ' ' || coalesce(new.description_en, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `companies_fts_delete` AFTER DELETE ON `companies` BEGIN
  DELETE FROM search_fts WHERE rowid = old.id * 4;
END;
--> statement-breakpoint
CREATE TRIGGER `subjects_fts_insert` AFTER INSERT ON `subjects` WHEN new.state = 'active' BEGIN
  INSERT INTO search_fts(rowid, kind, title, body)
  VALUES (new.id * 4 + 1, 'subject', new.name, coalesce(new.city, '') || ' ' || coalesce(new.address, '') || ' ' || coalesce(new.url, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `subjects_fts_update` AFTER UPDATE OF name, city, address, url, state ON `subjects` BEGIN
  DELETE FROM search_fts WHERE rowid = old.id * 4 + 1;
  INSERT INTO search_fts(rowid, kind, title, body)
  SELECT new.id * 4 + 1, 'subject', new.name, coalesce(new.city, '') || ' ' || coalesce(new.address, '') || ' ' || coalesce(new.url, '')
  WHERE new.state = 'active';
END;
--> statement-breakpoint
CREATE TRIGGER `subjects_fts_delete` AFTER DELETE ON `subjects` BEGIN
  DELETE FROM search_fts WHERE rowid = old.id * 4 + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `reviews_fts_insert` AFTER INSERT ON `reviews` WHEN new.status = 'published' BEGIN
  INSERT INTO search_fts(rowid, kind, title, body) VALUES (new.id * 4 + 2, 'review', new.title, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `reviews_fts_update` AFTER UPDATE OF title, body, status ON `reviews` BEGIN
  DELETE FROM search_fts WHERE rowid = old.id * 4 + 2;
  INSERT INTO search_fts(rowid, kind, title, body)
  SELECT new.id * 4 + 2, 'review', new.title, new.body WHERE new.status = 'published';
END;
--> statement-breakpoint
CREATE TRIGGER `reviews_fts_delete` AFTER DELETE ON `reviews` BEGIN
  DELETE FROM search_fts WHERE rowid = old.id * 4 + 2;
END;
