CREATE TABLE `conclusions` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` integer,
	`stamps` text,
	`client_id` text NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	`inputs` text NOT NULL,
	`rule_set_version` text,
	`source` text NOT NULL,
	`reason` text,
	`decided_by` text NOT NULL,
	`decided_at` integer NOT NULL,
	`status` text NOT NULL,
	`status_at` integer,
	`status_note` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `conclusions_client` ON `conclusions` (`client_id`,`kind`,`decided_at`);--> statement-breakpoint
CREATE TABLE `holdings` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` integer,
	`stamps` text,
	`client_id` text NOT NULL,
	`product_id` text NOT NULL,
	`since` text NOT NULL,
	`yearly_premium_cents` integer NOT NULL,
	`ended_on` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `holdings_client` ON `holdings` (`client_id`);--> statement-breakpoint
ALTER TABLE `clients` ADD `digital_group` text;--> statement-breakpoint
ALTER TABLE `clients` ADD `adoption_step` text;