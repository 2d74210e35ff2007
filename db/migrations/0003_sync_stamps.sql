CREATE TABLE `sync_deferred` (
	`entity` text NOT NULL,
	`id` text NOT NULL,
	`client_id` text NOT NULL,
	`state` text,
	PRIMARY KEY(`entity`, `id`)
);
--> statement-breakpoint
CREATE INDEX `sync_deferred_client` ON `sync_deferred` (`client_id`);--> statement-breakpoint
ALTER TABLE `advice_records` ADD `stamps` text;--> statement-breakpoint
ALTER TABLE `alerts` ADD `stamps` text;--> statement-breakpoint
ALTER TABLE `answers` ADD `stamps` text;--> statement-breakpoint
ALTER TABLE `clients` ADD `stamps` text;--> statement-breakpoint
ALTER TABLE `consents` ADD `stamps` text;--> statement-breakpoint
ALTER TABLE `mandates` ADD `stamps` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `stamps` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `undo` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `stamps` text;--> statement-breakpoint
ALTER TABLE `touchpoints` ADD `stamps` text;