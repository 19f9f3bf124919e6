-- A search index of names only (listed companies, as 0016 has it, and active subjects), apart from the
-- reviews' (app/models/search.server.ts). Written by hand, like 0015.
--
-- Why: a name is searched with its last word as a prefix ("panier do"). In search_fts,
-- which also holds 2 M reviews, a prefix longer than its prefix indexes (2 and 3
-- characters) makes FTS5 merge the doclists of every token it expands to across the
-- reviews too, before any LIMIT applies (15–30 ms per statement for "serv" or "jours" on
-- the large data set). Here the doclists are those of 500 000 short names: prefixes of 3
-- and 4 characters read a prefix index (in rowid order, cut by the LIMIT), longer ones
-- merge small doclists.
--
-- search_fts keeps the reviews only: the company and subject rows it held (rowids id × 4
-- and id × 4 + 1) and their triggers go. Its `kind` column stays ('review' on every row).
--
-- rowid = company_id × 2^32 + subject id (0 for the company's own row): newest companies
-- first, each with its matching subjects next to it, so that one statement reads the
-- companies and the subjects of a query together.
--
-- The triggers' names avoid "_fts_": scripts/seed-data/large/load.ts drops the triggers
-- matching *_fts_* during its bulk load and fills search_fts itself; these stay, and fill
-- this index as the catalogue is written.
CREATE VIRTUAL TABLE `names_fts` USING fts5(
  `title`, `body`,
  content='', contentless_delete=1,
  tokenize='unicode61 remove_diacritics 2',
  prefix='3 4'
);
--> statement-breakpoint
INSERT INTO names_fts(rowid, title, body)
SELECT id * 4294967296, name, coalesce(domain, '') || ' ' || coalesce(description_fr, '') || ' ' || coalesce(description_en, '') FROM companies
WHERE listing = 'listed';
--> statement-breakpoint
INSERT INTO names_fts(rowid, title, body)
SELECT company_id * 4294967296 + id, name, coalesce(city, '') || ' ' || coalesce(address, '') || ' ' || coalesce(url, '') FROM subjects WHERE state = 'active';
--> statement-breakpoint
CREATE TRIGGER `companies_names_insert` AFTER INSERT ON `companies` WHEN new.listing = 'listed' BEGIN
  INSERT INTO names_fts(rowid, title, body)
  VALUES (new.id * 4294967296, new.name, coalesce(new.domain, '') || ' ' || coalesce(new.description_fr, '') || ' ' || coalesce(new.description_en, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `companies_names_update` AFTER UPDATE OF name, domain, description_fr, description_en, listing ON `companies` BEGIN
  DELETE FROM names_fts WHERE rowid = old.id * 4294967296;
  INSERT INTO names_fts(rowid, title, body)
  SELECT new.id * 4294967296, new.name, coalesce(new.domain, '') || ' ' || coalesce(new.description_fr, '') || ' ' || coalesce(new.description_en, '')
  WHERE new.listing = 'listed';
END;
--> statement-breakpoint
CREATE TRIGGER `companies_names_delete` AFTER DELETE ON `companies` BEGIN
  DELETE FROM names_fts WHERE rowid = old.id * 4294967296;
END;
--> statement-breakpoint
CREATE TRIGGER `subjects_names_insert` AFTER INSERT ON `subjects` WHEN new.state = 'active' BEGIN
  INSERT INTO names_fts(rowid, title, body)
  VALUES (new.company_id * 4294967296 + new.id, new.name, coalesce(new.city, '') || ' ' || coalesce(new.address, '') || ' ' || coalesce(new.url, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `subjects_names_update` AFTER UPDATE OF company_id, name, city, address, url, state ON `subjects` BEGIN
  DELETE FROM names_fts WHERE rowid = old.company_id * 4294967296 + old.id;
  INSERT INTO names_fts(rowid, title, body)
  SELECT new.company_id * 4294967296 + new.id, new.name, coalesce(new.city, '') || ' ' || coalesce(new.address, '') || ' ' || coalesce(new.url, '')
  WHERE new.state = 'active';
END;
--> statement-breakpoint
CREATE TRIGGER `subjects_names_delete` AFTER DELETE ON `subjects` BEGIN
  DELETE FROM names_fts WHERE rowid = old.company_id * 4294967296 + old.id;
END;
--> statement-breakpoint
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
DELETE FROM search_fts WHERE rowid IN (SELECT id * 4 FROM companies);
--> statement-breakpoint
DELETE FROM search_fts WHERE rowid IN (SELECT id * 4 + 1 FROM subjects);
