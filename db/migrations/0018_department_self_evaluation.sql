PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_self_evaluations` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`region_code` text NOT NULL,
	`year` integer NOT NULL,
	`kind` text DEFAULT 'project' NOT NULL,
	`project_code` text NOT NULL,
	`project_id` text,
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
	`basic_spending_initial_fen` integer DEFAULT 0 NOT NULL,
	`basic_spending_adjusted_fen` integer DEFAULT 0 NOT NULL,
	`basic_spending_executed_fen` integer DEFAULT 0 NOT NULL,
	`project_spending_initial_fen` integer DEFAULT 0 NOT NULL,
	`project_spending_adjusted_fen` integer DEFAULT 0 NOT NULL,
	`project_spending_executed_fen` integer DEFAULT 0 NOT NULL,
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
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "self_evaluations_year" CHECK(typeof("year") = 'integer' AND "year" BETWEEN 2000 AND 2100),
	CONSTRAINT "self_evaluations_kind" CHECK("kind" IN ('project', 'department')),
	CONSTRAINT "self_evaluations_kind_project" CHECK(("kind" = 'project') = ("project_id" IS NOT NULL)),
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
	CONSTRAINT "self_evaluations_basic_spending_initial_fen" CHECK((typeof("basic_spending_initial_fen") = 'integer' AND "basic_spending_initial_fen" >= 0)),
	CONSTRAINT "self_evaluations_basic_spending_adjusted_fen" CHECK((typeof("basic_spending_adjusted_fen") = 'integer' AND "basic_spending_adjusted_fen" >= 0)),
	CONSTRAINT "self_evaluations_basic_spending_executed_fen" CHECK((typeof("basic_spending_executed_fen") = 'integer' AND "basic_spending_executed_fen" >= 0)),
	CONSTRAINT "self_evaluations_project_spending_initial_fen" CHECK((typeof("project_spending_initial_fen") = 'integer' AND "project_spending_initial_fen" >= 0)),
	CONSTRAINT "self_evaluations_project_spending_adjusted_fen" CHECK((typeof("project_spending_adjusted_fen") = 'integer' AND "project_spending_adjusted_fen" >= 0)),
	CONSTRAINT "self_evaluations_project_spending_executed_fen" CHECK((typeof("project_spending_executed_fen") = 'integer' AND "project_spending_executed_fen" >= 0))
);
--> statement-breakpoint
INSERT INTO `__new_self_evaluations`("id", "version", "updated_at", "deleted", "region_code", "year", "kind", "project_code", "project_id", "target_id", "unit_code", "status", "appropriation_initial_fen", "appropriation_adjusted_fen", "appropriation_executed_fen", "carry_over_initial_fen", "carry_over_adjusted_fen", "carry_over_executed_fen", "other_initial_fen", "other_adjusted_fen", "other_executed_fen", "basic_spending_initial_fen", "basic_spending_adjusted_fen", "basic_spending_executed_fen", "project_spending_initial_fen", "project_spending_adjusted_fen", "project_spending_executed_fen", "budget_reason", "goal_expected", "goal_achieved", "problems", "measures", "total_score", "grade", "submitted_at", "submitted_by", "reviewed_by", "review_opinion", "decided_at", "created_at") SELECT "id", "version", "updated_at", "deleted", "region_code", "year", "kind", "project_code", "project_id", "target_id", "unit_code", "status", "appropriation_initial_fen", "appropriation_adjusted_fen", "appropriation_executed_fen", "carry_over_initial_fen", "carry_over_adjusted_fen", "carry_over_executed_fen", "other_initial_fen", "other_adjusted_fen", "other_executed_fen", "basic_spending_initial_fen", "basic_spending_adjusted_fen", "basic_spending_executed_fen", "project_spending_initial_fen", "project_spending_adjusted_fen", "project_spending_executed_fen", "budget_reason", "goal_expected", "goal_achieved", "problems", "measures", "total_score", "grade", "submitted_at", "submitted_by", "reviewed_by", "review_opinion", "decided_at", "created_at" FROM `self_evaluations`;--> statement-breakpoint
DROP TABLE `self_evaluations`;--> statement-breakpoint
ALTER TABLE `__new_self_evaluations` RENAME TO `self_evaluations`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `self_evaluations_natural_key` ON `self_evaluations` (`region_code`,`year`,`kind`,`project_code`);--> statement-breakpoint
CREATE INDEX `self_evaluations_status` ON `self_evaluations` (`year`,`status`);--> statement-breakpoint
CREATE TABLE `__new_self_evaluation_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`self_evaluation_id` text NOT NULL,
	`seq` integer NOT NULL,
	`function` text DEFAULT '' NOT NULL,
	`task` text DEFAULT '' NOT NULL,
	`amount_fen` integer DEFAULT 0 NOT NULL,
	`completion` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`self_evaluation_id`) REFERENCES `self_evaluations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "self_evaluation_tasks_amount_fen" CHECK((typeof("amount_fen") = 'integer' AND "amount_fen" >= 0))
);
--> statement-breakpoint
INSERT INTO `__new_self_evaluation_tasks`("id", "self_evaluation_id", "seq", "function", "task", "amount_fen", "completion") SELECT "id", "self_evaluation_id", "seq", "function", "task", "amount_fen", "completion" FROM `self_evaluation_tasks`;--> statement-breakpoint
DROP TABLE `self_evaluation_tasks`;--> statement-breakpoint
ALTER TABLE `__new_self_evaluation_tasks` RENAME TO `self_evaluation_tasks`;--> statement-breakpoint
CREATE UNIQUE INDEX `self_evaluation_tasks_seq` ON `self_evaluation_tasks` (`self_evaluation_id`,`seq`);