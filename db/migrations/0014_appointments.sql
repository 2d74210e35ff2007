CREATE TABLE `appointments` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` integer,
	`stamps` text,
	`client_id` text NOT NULL,
	`starts_at` integer NOT NULL,
	`minutes` integer NOT NULL,
	`place` text,
	`purpose` text NOT NULL,
	`planned_by` text NOT NULL,
	`meeting_id` text,
	`cancelled_at` integer,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `appointments_day` ON `appointments` (`starts_at`);--> statement-breakpoint
CREATE INDEX `appointments_client` ON `appointments` (`client_id`,`starts_at`);