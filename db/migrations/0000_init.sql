CREATE TABLE `advice_records` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` integer,
	`meeting_id` text NOT NULL,
	`client_id` text NOT NULL,
	`record_version` integer NOT NULL,
	`content` text NOT NULL,
	`content_hash` text NOT NULL,
	`previous_hash` text,
	`delivered_at` integer,
	`delivery_channel` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `advice_records_version` ON `advice_records` (`meeting_id`,`record_version`);--> statement-breakpoint
CREATE TABLE `alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` integer,
	`client_id` text NOT NULL,
	`signal` text NOT NULL,
	`evidence` text,
	`conclusion` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`snoozed_until` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `answers` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` integer,
	`client_id` text NOT NULL,
	`meeting_id` text,
	`attribute` text NOT NULL,
	`value` text,
	`answered_by` text NOT NULL,
	`answered_at` integer NOT NULL,
	`recorded_by` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `answers_client_attribute` ON `answers` (`client_id`,`attribute`);--> statement-breakpoint
CREATE TABLE `clients` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` integer,
	`owner_id` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`email` text,
	`phone` text,
	`street` text,
	`postal_code` text,
	`city` text,
	`birth_date` text,
	`household_size` integer,
	`household` text,
	`notes` text,
	`last_contact_at` integer
);
--> statement-breakpoint
CREATE INDEX `clients_name` ON `clients` (`last_name`,`first_name`);--> statement-breakpoint
CREATE INDEX `clients_last_contact` ON `clients` (`last_contact_at`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` integer,
	`client_id` text NOT NULL,
	`purpose` text NOT NULL,
	`granted` integer NOT NULL,
	`method` text NOT NULL,
	`note` text,
	`recorded_at` integer NOT NULL,
	`recorded_by` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `consents_client` ON `consents` (`client_id`,`purpose`,`recorded_at`);--> statement-breakpoint
CREATE TABLE `device_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `local_user` (
	`id` text PRIMARY KEY NOT NULL,
	`display_name` text NOT NULL,
	`roles` text NOT NULL,
	`locale` text DEFAULT 'de' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `mandates` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` integer,
	`client_id` text NOT NULL,
	`coach_id` text NOT NULL,
	`budget_cents` integer NOT NULL,
	`period` text NOT NULL,
	`areas` text NOT NULL,
	`per_purchase_cap_cents` integer NOT NULL,
	`valid_from` text NOT NULL,
	`valid_until` text,
	`revoked_at` integer,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `manufacturer_data` (
	`kind` text PRIMARY KEY NOT NULL,
	`version` text NOT NULL,
	`body` text NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` integer,
	`client_id` text NOT NULL,
	`advisor_id` text NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	`reason` text,
	`wishes` text,
	`risk_situation` text,
	`notes` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meetings_client` ON `meetings` (`client_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mutation_id` text NOT NULL,
	`name` text NOT NULL,
	`args` text NOT NULL,
	`client_id` text,
	`hlc` text NOT NULL,
	`created_at` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_mutation_id_unique` ON `outbox` (`mutation_id`);--> statement-breakpoint
CREATE INDEX `outbox_status` ON `outbox` (`status`,`seq`);--> statement-breakpoint
CREATE INDEX `outbox_client` ON `outbox` (`client_id`);--> statement-breakpoint
CREATE TABLE `price_ranges` (
	`retailer_id` text NOT NULL,
	`product_id` text NOT NULL,
	`proposed` real NOT NULL,
	`floor` real NOT NULL,
	`ceiling` real NOT NULL,
	`valid_until` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `price_ranges_key` ON `price_ranges` (`retailer_id`,`product_id`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` integer,
	`client_id` text NOT NULL,
	`title` text NOT NULL,
	`due_date` text,
	`notes` text,
	`done_at` integer,
	`assignee_id` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tasks_open` ON `tasks` (`done_at`,`due_date`);--> statement-breakpoint
CREATE TABLE `touchpoints` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` integer,
	`client_id` text NOT NULL,
	`kind` text NOT NULL,
	`channel` text NOT NULL,
	`direction` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`summary` text NOT NULL,
	`outcome` text,
	`ref_id` text,
	`recorded_by` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `touchpoints_client` ON `touchpoints` (`client_id`,`occurred_at`);