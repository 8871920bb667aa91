PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_target_adjustments` (
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
	`proposed_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`decided_at` text,
	`review_step` text,
	`department_opinion` text,
	`department_decision` text,
	`department_decided_at` text,
	`department_decided_by` text,
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "target_adjustments_status" CHECK("status" IN ('draft', 'submitted', 'approved', 'returned')),
	CONSTRAINT "target_adjustments_deleted" CHECK("deleted" IN (0, 1)),
	CONSTRAINT "target_adjustments_original" CHECK(json_valid("original")),
	CONSTRAINT "target_adjustments_proposed" CHECK(json_valid("proposed")),
	CONSTRAINT "target_adjustments_review_step" CHECK("review_step" IS NULL OR "review_step" IN ('department', 'bureau')),
	CONSTRAINT "target_adjustments_department_decision" CHECK("department_decision" IS NULL OR "department_decision" IN ('approve', 'return'))
);
--> statement-breakpoint
INSERT INTO `__new_target_adjustments`("id", "version", "updated_at", "deleted", "target_id", "seq", "status", "reason", "original", "proposed", "opinion", "proposed_by", "created_at", "decided_at", "review_step", "department_opinion", "department_decision", "department_decided_at", "department_decided_by") SELECT "id", "version", "updated_at", "deleted", "target_id", "seq", "status", "reason", "original", "proposed", "opinion", "proposed_by", "created_at", "decided_at", "review_step", "department_opinion", "department_decision", "department_decided_at", "department_decided_by" FROM `target_adjustments`;--> statement-breakpoint
DROP TABLE `target_adjustments`;--> statement-breakpoint
ALTER TABLE `__new_target_adjustments` RENAME TO `target_adjustments`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `target_adjustments_seq` ON `target_adjustments` (`target_id`,`seq`);--> statement-breakpoint
CREATE TABLE `__new_self_evaluations` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`region_code` text NOT NULL,
	`year` integer NOT NULL,
	`project_code` text NOT NULL,
	`project_id` text NOT NULL,
	`target_id` text NOT NULL,
	`unit_code` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`appropriation_initial_fen` integer DEFAULT 0 NOT NULL,
	`appropriation_adjusted_fen` integer DEFAULT 0 NOT NULL,
	`appropriation_executed_fen` integer DEFAULT 0 NOT NULL,
	`carry_over_initial_fen` integer DEFAULT 0 NOT NULL,
	`carry_over_adjusted_fen` integer DEFAULT 0 NOT NULL,
	`carry_over_executed_fen` integer DEFAULT 0 NOT NULL,
	`other_initial_fen` integer DEFAULT 0 NOT NULL,
	`other_adjusted_fen` integer DEFAULT 0 NOT NULL,
	`other_executed_fen` integer DEFAULT 0 NOT NULL,
	`budget_reason` text DEFAULT '' NOT NULL,
	`goal_expected` text DEFAULT '' NOT NULL,
	`goal_achieved` text DEFAULT '' NOT NULL,
	`problems` text DEFAULT '' NOT NULL,
	`measures` text DEFAULT '' NOT NULL,
	`total_score` text,
	`grade` text,
	`submitted_at` text,
	`submitted_by` text,
	`reviewed_by` text,
	`review_opinion` text,
	`decided_at` text,
	`review_step` text,
	`department_opinion` text,
	`department_decision` text,
	`department_decided_at` text,
	`department_decided_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "self_evaluations_year" CHECK(typeof("year") = 'integer' AND "year" BETWEEN 2000 AND 2100),
	CONSTRAINT "self_evaluations_status" CHECK("status" IN ('draft', 'submitted', 'approved', 'returned')),
	CONSTRAINT "self_evaluations_deleted" CHECK("deleted" IN (0, 1)),
	CONSTRAINT "self_evaluations_appropriation_initial_fen" CHECK((typeof("appropriation_initial_fen") = 'integer' AND "appropriation_initial_fen" >= 0)),
	CONSTRAINT "self_evaluations_appropriation_adjusted_fen" CHECK((typeof("appropriation_adjusted_fen") = 'integer' AND "appropriation_adjusted_fen" >= 0)),
	CONSTRAINT "self_evaluations_appropriation_executed_fen" CHECK((typeof("appropriation_executed_fen") = 'integer' AND "appropriation_executed_fen" >= 0)),
	CONSTRAINT "self_evaluations_carry_over_initial_fen" CHECK((typeof("carry_over_initial_fen") = 'integer' AND "carry_over_initial_fen" >= 0)),
	CONSTRAINT "self_evaluations_carry_over_adjusted_fen" CHECK((typeof("carry_over_adjusted_fen") = 'integer' AND "carry_over_adjusted_fen" >= 0)),
	CONSTRAINT "self_evaluations_carry_over_executed_fen" CHECK((typeof("carry_over_executed_fen") = 'integer' AND "carry_over_executed_fen" >= 0)),
	CONSTRAINT "self_evaluations_other_initial_fen" CHECK((typeof("other_initial_fen") = 'integer' AND "other_initial_fen" >= 0)),
	CONSTRAINT "self_evaluations_other_adjusted_fen" CHECK((typeof("other_adjusted_fen") = 'integer' AND "other_adjusted_fen" >= 0)),
	CONSTRAINT "self_evaluations_other_executed_fen" CHECK((typeof("other_executed_fen") = 'integer' AND "other_executed_fen" >= 0)),
	CONSTRAINT "self_evaluations_review_step" CHECK("review_step" IS NULL OR "review_step" IN ('department', 'bureau')),
	CONSTRAINT "self_evaluations_department_decision" CHECK("department_decision" IS NULL OR "department_decision" IN ('approve', 'return'))
);
--> statement-breakpoint
INSERT INTO `__new_self_evaluations`("id", "version", "updated_at", "deleted", "region_code", "year", "project_code", "project_id", "target_id", "unit_code", "status", "appropriation_initial_fen", "appropriation_adjusted_fen", "appropriation_executed_fen", "carry_over_initial_fen", "carry_over_adjusted_fen", "carry_over_executed_fen", "other_initial_fen", "other_adjusted_fen", "other_executed_fen", "budget_reason", "goal_expected", "goal_achieved", "problems", "measures", "total_score", "grade", "submitted_at", "submitted_by", "reviewed_by", "review_opinion", "decided_at", "review_step", "department_opinion", "department_decision", "department_decided_at", "department_decided_by", "created_at") SELECT "id", "version", "updated_at", "deleted", "region_code", "year", "project_code", "project_id", "target_id", "unit_code", "status", "appropriation_initial_fen", "appropriation_adjusted_fen", "appropriation_executed_fen", "carry_over_initial_fen", "carry_over_adjusted_fen", "carry_over_executed_fen", "other_initial_fen", "other_adjusted_fen", "other_executed_fen", "budget_reason", "goal_expected", "goal_achieved", "problems", "measures", "total_score", "grade", "submitted_at", "submitted_by", "reviewed_by", "review_opinion", "decided_at", "review_step", "department_opinion", "department_decision", "department_decided_at", "department_decided_by", "created_at" FROM `self_evaluations`;--> statement-breakpoint
DROP TABLE `self_evaluations`;--> statement-breakpoint
ALTER TABLE `__new_self_evaluations` RENAME TO `self_evaluations`;--> statement-breakpoint
CREATE UNIQUE INDEX `self_evaluations_natural_key` ON `self_evaluations` (`region_code`,`year`,`project_code`);--> statement-breakpoint
CREATE INDEX `self_evaluations_status` ON `self_evaluations` (`year`,`status`);