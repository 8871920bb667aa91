CREATE TABLE `exchange_delivered` (
	`peer` text NOT NULL,
	`entity` text NOT NULL,
	`record_id` text NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`peer`, `entity`, `record_id`)
);
--> statement-breakpoint
CREATE TABLE `exchange_identity` (
	`id` integer PRIMARY KEY NOT NULL,
	`public_key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`next_sequence` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `exchange_package_records` (
	`package_id` text NOT NULL,
	`entity` text NOT NULL,
	`record_id` text NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`package_id`, `entity`, `record_id`),
	FOREIGN KEY (`package_id`) REFERENCES `exchange_packages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `exchange_packages` (
	`id` text PRIMARY KEY NOT NULL,
	`direction` text NOT NULL,
	`kind` text NOT NULL,
	`sender` text NOT NULL,
	`receiver` text NOT NULL,
	`year` integer NOT NULL,
	`stage` text NOT NULL,
	`sequence` integer NOT NULL,
	`created_at` text NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`state` text NOT NULL,
	`summary` text DEFAULT '{}' NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`acknowledged_at` text,
	`operator` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `exchange_peers` (
	`region_code` text PRIMARY KEY NOT NULL,
	`public_key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`trusted_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`trusted_by` text NOT NULL,
	`last_sequence` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `exchange_sync` (
	`peer` text NOT NULL,
	`entity` text NOT NULL,
	`record_id` text NOT NULL,
	`remote_version` integer NOT NULL,
	`local_version` integer NOT NULL,
	PRIMARY KEY(`peer`, `entity`, `record_id`)
);
