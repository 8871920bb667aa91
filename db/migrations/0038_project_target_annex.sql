CREATE TABLE `target_midterm_indicators` (
	`id` text PRIMARY KEY NOT NULL,
	`target_id` text NOT NULL,
	`seq` integer NOT NULL,
	`level1` text NOT NULL,
	`level2` text NOT NULL,
	`name` text NOT NULL,
	`operator` text NOT NULL,
	`value` text NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`accrual` text DEFAULT 'cumulative' NOT NULL,
	`definition` text DEFAULT '' NOT NULL,
	`basis` text DEFAULT '计划标准' NOT NULL,
	`weight` text DEFAULT '' NOT NULL,
	`library_code` text,
	`scoring_standard` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "target_midterm_indicators_accrual" CHECK("accrual" IN ('cumulative', 'level'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `target_midterm_indicators_seq` ON `target_midterm_indicators` (`target_id`,`seq`);--> statement-breakpoint
ALTER TABLE `department_tasks` ADD `content` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `department_tasks` ADD `fiscal_fen` integer;--> statement-breakpoint
ALTER TABLE `department_tasks` ADD `other_fen` integer;--> statement-breakpoint
ALTER TABLE `target_indicators` ADD `scoring_standard` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `targets` ADD `midterm_goal` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `targets` ADD `midterm_fiscal_fen` integer;--> statement-breakpoint
ALTER TABLE `targets` ADD `midterm_other_fen` integer;--> statement-breakpoint
ALTER TABLE `targets` ADD `annual_fiscal_fen` integer;--> statement-breakpoint
ALTER TABLE `targets` ADD `annual_other_fen` integer;--> statement-breakpoint
ALTER TABLE `targets` ADD `project_basis` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `targets` ADD `schedule` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `targets` ADD `contact_person` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `targets` ADD `contact_phone` text DEFAULT '' NOT NULL;