CREATE TABLE `advice_disclosures` (
	`id` text PRIMARY KEY NOT NULL,
	`record_id` text NOT NULL,
	`client_id` text NOT NULL,
	`disclosed_by` text NOT NULL,
	`disclosed_by_name` text NOT NULL,
	`disclosed_to` text NOT NULL,
	`note` text,
	`disclosed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `restricted_advice_records` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`meeting_id` text NOT NULL,
	`record_version` integer NOT NULL,
	`content` text NOT NULL,
	`content_hash` text NOT NULL,
	`previous_hash` text,
	`meeting_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	`delivered_at` integer,
	`delivery_channel` text,
	`restricted_at` integer NOT NULL,
	`retain_until` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `restricted_advice_retain_until` ON `restricted_advice_records` (`retain_until`);