DROP INDEX `clients_name`;--> statement-breakpoint
CREATE INDEX `clients_live_name` ON `clients` (`last_name`,`first_name`) WHERE deleted_at IS NULL;