CREATE TABLE `derive_queue` (
	`client_id` text PRIMARY KEY NOT NULL,
	`marked_at` integer NOT NULL
);
