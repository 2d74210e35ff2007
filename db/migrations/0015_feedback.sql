CREATE TABLE `feedback` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` integer,
	`stamps` text,
	`client_id` text NOT NULL,
	`about` text NOT NULL,
	`nps` integer,
	`ces` integer,
	`recorded_at` integer NOT NULL,
	`recorded_by` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `feedback_recorded` ON `feedback` (`recorded_at`);--> statement-breakpoint
CREATE INDEX `feedback_client` ON `feedback` (`client_id`);