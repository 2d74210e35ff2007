CREATE TABLE `corrections` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` integer,
	`stamps` text,
	`client_id` text NOT NULL,
	`changes` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `corrections_client` ON `corrections` (`client_id`,`recorded_at`);