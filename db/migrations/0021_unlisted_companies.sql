-- The companies off the listings, few: the category counts of listCategories subtract
-- theirs from each category's total instead of joining every company (100 000 rows).
-- (drizzle-kit's snapshot 0021 also records 0020's hand-written invitation changes.)
CREATE INDEX `companies_unlisted_idx` ON `companies` (`id`) WHERE listing <> 'listed';
