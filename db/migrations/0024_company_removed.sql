-- The company page's removals by reason (company-warnings.server.ts, getRemovedCounts) start
-- from the company's removed reviews, a few rows, through this partial index, where they read
-- every review of the company (59 497 for the largest on seed:large, about 5 ms a page).
CREATE INDEX `reviews_company_removed_idx` ON `reviews` (`company_id`) WHERE status = 'removed';