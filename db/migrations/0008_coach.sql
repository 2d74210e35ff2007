-- Alerts were never filled before (no code wrote them): the table is made anew in the shape the backend writes.
CREATE TABLE `purchases` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` integer,
	`stamps` text,
	`client_id` text NOT NULL,
	`mandate_id` text NOT NULL,
	`coach_id` text NOT NULL,
	`items` text NOT NULL,
	`days` integer NOT NULL,
	`on` text NOT NULL,
	`price_cents` integer NOT NULL,
	`charge_cents` integer NOT NULL,
	`single_consent` integer NOT NULL,
	`alert_id` text,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `purchases_mandate` ON `purchases` (`mandate_id`,`on`);--> statement-breakpoint
CREATE INDEX `purchases_client` ON `purchases` (`client_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` integer,
	`stamps` text,
	`client_id` text NOT NULL,
	`coach_id` text,
	`event` text NOT NULL,
	`signal` text NOT NULL,
	`signals` text NOT NULL,
	`offers` text NOT NULL,
	`argument_style` text,
	`reaction` text NOT NULL,
	`rules_version` text NOT NULL,
	`status` text NOT NULL,
	`snoozed_until` text,
	`outcome` text,
	`dismiss_reason` text,
	`note` text,
	`created_at` integer NOT NULL,
	`done_at` integer,
	`done_by` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
DROP TABLE `alerts`;--> statement-breakpoint
ALTER TABLE `__new_alerts` RENAME TO `alerts`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `alerts_inbox` ON `alerts` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `alerts_client` ON `alerts` (`client_id`);--> statement-breakpoint
ALTER TABLE `mandates` ADD `purchase_log` text;