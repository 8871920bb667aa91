CREATE TABLE `exchange_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`peer` text NOT NULL,
	`entity` text NOT NULL,
	`record_id` text NOT NULL,
	`natural_key` text NOT NULL,
	`record_version` integer NOT NULL,
	`action` text NOT NULL,
	`opinion` text DEFAULT '' NOT NULL,
	`decided_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`decided_by` text NOT NULL,
	`package_id` text
);
