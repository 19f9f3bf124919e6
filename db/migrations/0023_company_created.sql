-- A new review's checks (near-duplicates among the company's reviews of the last 90 days, a
-- burst of negative ones) read a window of the company's latest reviews through this index,
-- instead of every review the company ever had (59 497 for the largest on seed:large).
CREATE INDEX `reviews_company_created_idx` ON `reviews` (`company_id`,`created_at`,`stars`,`status`);