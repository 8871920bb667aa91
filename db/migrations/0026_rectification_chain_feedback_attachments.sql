CREATE TABLE `accountability_measures` (
	`id` text PRIMARY KEY NOT NULL,
	`rectification_id` text NOT NULL,
	`measure` text NOT NULL,
	`detail` text DEFAULT '' NOT NULL,
	`taken_on` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`rectification_id`) REFERENCES `rectifications`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "accountability_measures_measure" CHECK("measure" IN ('interview', 'circular', 'budgetCut', 'suspendPayment', 'other'))
);
--> statement-breakpoint
CREATE INDEX `accountability_measures_notice` ON `accountability_measures` (`rectification_id`);--> statement-breakpoint
CREATE TABLE `rectification_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`rectification_id` text NOT NULL,
	`round` integer NOT NULL,
	`feedback` text NOT NULL,
	`answered_by` text,
	`answered_by_name` text NOT NULL,
	`answered_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`department_decision` text,
	`department_opinion` text,
	`department_by_name` text,
	`department_at` text,
	`verdict` text,
	`verdict_opinion` text,
	`verdict_by_name` text,
	`verdict_at` text,
	FOREIGN KEY (`rectification_id`) REFERENCES `rectifications`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "rectification_rounds_round" CHECK((typeof("round") = 'integer' AND "round" >= 1)),
	CONSTRAINT "rectification_rounds_department_decision" CHECK("department_decision" IS NULL OR "department_decision" IN ('forward', 'return')),
	CONSTRAINT "rectification_rounds_verdict" CHECK("verdict" IS NULL OR "verdict" IN ('approve', 'return'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rectification_rounds_key` ON `rectification_rounds` (`rectification_id`,`round`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_kind` text NOT NULL,
	`owner_id` text NOT NULL,
	`name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`content` blob NOT NULL,
	`added_by` text NOT NULL,
	`added_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "attachments_mime" CHECK("mime" IN ('application/pdf', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'image/jpeg', 'image/png')),
	CONSTRAINT "attachments_size" CHECK(typeof("size") = 'integer' AND "size" > 0 AND "size" = length("content")),
	CONSTRAINT "attachments_sha256" CHECK(length("sha256") = 64 AND "sha256" NOT GLOB '*[^0-9a-f]*')
);
--> statement-breakpoint
CREATE INDEX `attachments_owner` ON `attachments` (`owner_kind`,`owner_id`);--> statement-breakpoint
ALTER TABLE `rectifications` ADD `source_label` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `rectifications` ADD `department_code` text;--> statement-breakpoint
ALTER TABLE `rectifications` ADD `holder` text;--> statement-breakpoint
ALTER TABLE `rectifications` ADD `department_requirements` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `rectifications` ADD `issued_by` text;--> statement-breakpoint
ALTER TABLE `rectifications` ADD `issued_by_name` text;--> statement-breakpoint
ALTER TABLE `rectifications` ADD `issued_at` text;--> statement-breakpoint
ALTER TABLE `rectifications` ADD `return_count` integer DEFAULT 0 NOT NULL;