CREATE TABLE `offer_outcomes` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` integer,
	`stamps` text,
	`client_id` text NOT NULL,
	`meeting_id` text,
	`offer_id` text NOT NULL,
	`offer_kind` text NOT NULL,
	`outcome` text NOT NULL,
	`reason_code` text,
	`note` text,
	`segment` text,
	`reasons` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `offer_outcomes_client` ON `offer_outcomes` (`client_id`,`recorded_at`);--> statement-breakpoint
CREATE INDEX `offer_outcomes_meeting` ON `offer_outcomes` (`meeting_id`);--> statement-breakpoint
ALTER TABLE `advice_records` ADD `created_at` integer;--> statement-breakpoint
ALTER TABLE `advice_records` ADD `created_by` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `advice` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `decision` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `nps` integer;--> statement-breakpoint
ALTER TABLE `meetings` ADD `ces` integer;