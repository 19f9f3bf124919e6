CREATE TABLE `job_leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`lease_until` integer NOT NULL,
	`last_started_at` integer,
	`last_finished_at` integer,
	`failures` integer DEFAULT 0 NOT NULL,
	`last_error` text
);