CREATE TABLE `library_indicators` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`code` text NOT NULL,
	`project_type_code` text NOT NULL,
	`level1` text NOT NULL,
	`level2` text NOT NULL,
	`name` text NOT NULL,
	`operator` text NOT NULL,
	`reference_value` text DEFAULT '' NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`definition` text DEFAULT '' NOT NULL,
	`basis` text DEFAULT '计划标准' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`library_version` integer DEFAULT 0 NOT NULL,
	`proposing_unit_code` text,
	`proposed_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `library_indicators_code` ON `library_indicators` (`code`);--> statement-breakpoint
CREATE INDEX `library_indicators_type` ON `library_indicators` (`project_type_code`,`status`);--> statement-breakpoint
CREATE TABLE `library_versions` (
	`version` integer PRIMARY KEY NOT NULL,
	`published_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`published_by` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`source` text DEFAULT 'local' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `project_types` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`sector` text NOT NULL,
	`description` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_types_code` ON `project_types` (`code`);--> statement-breakpoint
CREATE TABLE `department_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`target_id` text NOT NULL,
	`seq` integer NOT NULL,
	`function` text NOT NULL,
	`task` text NOT NULL,
	`project_codes` text DEFAULT '[]' NOT NULL,
	`amount_fen` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `department_tasks_seq` ON `department_tasks` (`target_id`,`seq`);--> statement-breakpoint
CREATE TABLE `disclosures` (
	`id` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`kind` text NOT NULL,
	`scope` text NOT NULL,
	`record_count` integer NOT NULL,
	`file_name` text NOT NULL,
	`published_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`published_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `project_funds` (
	`project_id` text NOT NULL,
	`source` text NOT NULL,
	`initial_fen` integer DEFAULT 0 NOT NULL,
	`addition_fen` integer DEFAULT 0 NOT NULL,
	`cut_fen` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_funds_key` ON `project_funds` (`project_id`,`source`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`region_code` text NOT NULL,
	`year` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`department_code` text NOT NULL,
	`unit_code` text NOT NULL,
	`category` text DEFAULT '本级支出' NOT NULL,
	`attribute` text DEFAULT '延续' NOT NULL,
	`key_project` integer DEFAULT false NOT NULL,
	`poverty_fund` integer DEFAULT false NOT NULL,
	`confidential` integer DEFAULT false NOT NULL,
	`project_type_code` text,
	`start_date` text,
	`end_date` text,
	`person_in_charge` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `projects_natural_key` ON `projects` (`region_code`,`year`,`code`);--> statement-breakpoint
CREATE INDEX `projects_unit` ON `projects` (`year`,`unit_code`);--> statement-breakpoint
CREATE TABLE `target_adjustments` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`target_id` text NOT NULL,
	`seq` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`reason` text NOT NULL,
	`original` text NOT NULL,
	`proposed` text NOT NULL,
	`opinion` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`decided_at` text,
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `target_adjustments_seq` ON `target_adjustments` (`target_id`,`seq`);--> statement-breakpoint
CREATE TABLE `target_indicators` (
	`id` text PRIMARY KEY NOT NULL,
	`target_id` text NOT NULL,
	`seq` integer NOT NULL,
	`level1` text NOT NULL,
	`level2` text NOT NULL,
	`name` text NOT NULL,
	`operator` text NOT NULL,
	`value` text NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`definition` text DEFAULT '' NOT NULL,
	`basis` text DEFAULT '计划标准' NOT NULL,
	`weight` text DEFAULT '' NOT NULL,
	`library_code` text,
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `target_indicators_seq` ON `target_indicators` (`target_id`,`seq`);--> statement-breakpoint
CREATE TABLE `targets` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`region_code` text NOT NULL,
	`year` integer NOT NULL,
	`kind` text NOT NULL,
	`owner_code` text NOT NULL,
	`project_id` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`overall_goal` text DEFAULT '' NOT NULL,
	`annual_goals` text DEFAULT '[]' NOT NULL,
	`review_grade` text,
	`review_opinion` text,
	`submitted_at` text,
	`decided_at` text,
	`basic_fen` integer,
	`project_fen` integer,
	`fiscal_fen` integer,
	`other_fen` integer,
	`functions` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `targets_natural_key` ON `targets` (`region_code`,`year`,`kind`,`owner_code`);--> statement-breakpoint
CREATE INDEX `targets_status` ON `targets` (`year`,`status`);--> statement-breakpoint
CREATE TABLE `monitoring_funds` (
	`sheet_id` text NOT NULL,
	`source` text NOT NULL,
	`adjusted_fen` integer DEFAULT 0 NOT NULL,
	`executed_fen` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`sheet_id`) REFERENCES `monitoring_sheets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monitoring_funds_key` ON `monitoring_funds` (`sheet_id`,`source`);--> statement-breakpoint
CREATE TABLE `monitoring_indicators` (
	`sheet_id` text NOT NULL,
	`indicator_id` text NOT NULL,
	`reached` text,
	`expected_full_year` text,
	`likelihood` text,
	`reasons` text DEFAULT '[]' NOT NULL,
	`reason_other` text DEFAULT '' NOT NULL,
	`measures` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`sheet_id`) REFERENCES `monitoring_sheets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`indicator_id`) REFERENCES `target_indicators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monitoring_indicators_key` ON `monitoring_indicators` (`sheet_id`,`indicator_id`);--> statement-breakpoint
CREATE TABLE `monitoring_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`region_code` text NOT NULL,
	`year` integer NOT NULL,
	`month` integer NOT NULL,
	`seq` integer DEFAULT 1 NOT NULL,
	`title` text NOT NULL,
	`deadline` text NOT NULL,
	`scope` text NOT NULL,
	`closed` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monitoring_rounds_key` ON `monitoring_rounds` (`region_code`,`year`,`month`,`seq`);--> statement-breakpoint
CREATE TABLE `monitoring_sheets` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`round_id` text NOT NULL,
	`project_id` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`analysis` text DEFAULT '' NOT NULL,
	`review_opinion` text,
	`submitted_at` text,
	`decided_at` text,
	FOREIGN KEY (`round_id`) REFERENCES `monitoring_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monitoring_sheets_key` ON `monitoring_sheets` (`round_id`,`project_id`);--> statement-breakpoint
CREATE INDEX `monitoring_sheets_status` ON `monitoring_sheets` (`round_id`,`status`);--> statement-breakpoint
CREATE TABLE `rectifications` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`region_code` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`source` text NOT NULL,
	`source_id` text,
	`project_id` text,
	`unit_code` text NOT NULL,
	`problems` text NOT NULL,
	`requirements` text DEFAULT '' NOT NULL,
	`deadline` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`feedback` text DEFAULT '' NOT NULL,
	`verdict_opinion` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rectifications_key` ON `rectifications` (`region_code`,`year`,`seq`);