CREATE TABLE `mandatory_indicators` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`scope` text NOT NULL,
	`scope_code` text NOT NULL,
	`indicator_code` text NOT NULL,
	`operator` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "mandatory_indicators_scope" CHECK("scope" IN ('projectType', 'fund')),
	CONSTRAINT "mandatory_indicators_operator" CHECK("operator" IN ('', '≥', '>', '=', '<', '≤', '定性')),
	CONSTRAINT "mandatory_indicators_deleted" CHECK("deleted" IN (0, 1))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mandatory_indicators_key` ON `mandatory_indicators` (`scope`,`scope_code`,`indicator_code`);