CREATE TABLE `resync_seen` (
	`entity` text NOT NULL,
	`id` text NOT NULL,
	PRIMARY KEY(`entity`, `id`)
);
