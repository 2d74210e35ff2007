ALTER TABLE `clients` ADD `shared_with` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `clients` ADD `owner_name` text;