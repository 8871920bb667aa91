PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_department_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`target_id` text NOT NULL,
	`seq` integer NOT NULL,
	`function` text NOT NULL,
	`task` text NOT NULL,
	`project_codes` text DEFAULT '[]' NOT NULL,
	`amount_fen` integer DEFAULT 0 NOT NULL,
	`content` text DEFAULT '' NOT NULL,
	`fiscal_fen` integer,
	`other_fen` integer,
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "department_tasks_amount_fen" CHECK((typeof("amount_fen") = 'integer' AND "amount_fen" >= 0)),
	CONSTRAINT "department_tasks_fiscal_fen" CHECK("fiscal_fen" IS NULL OR (typeof("fiscal_fen") = 'integer' AND "fiscal_fen" >= 0)),
	CONSTRAINT "department_tasks_other_fen" CHECK("other_fen" IS NULL OR (typeof("other_fen") = 'integer' AND "other_fen" >= 0)),
	CONSTRAINT "department_tasks_project_codes" CHECK(json_valid("project_codes"))
);
--> statement-breakpoint
INSERT INTO `__new_department_tasks`("id", "target_id", "seq", "function", "task", "project_codes", "amount_fen", "content", "fiscal_fen", "other_fen") SELECT "id", "target_id", "seq", "function", "task", "project_codes", "amount_fen", "content", "fiscal_fen", "other_fen" FROM `department_tasks`;--> statement-breakpoint
DROP TABLE `department_tasks`;--> statement-breakpoint
ALTER TABLE `__new_department_tasks` RENAME TO `department_tasks`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `department_tasks_seq` ON `department_tasks` (`target_id`,`seq`);--> statement-breakpoint
CREATE TABLE `__new_targets` (
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
	`submitted_by` text,
	`decided_at` text,
	`review_step` text,
	`department_opinion` text,
	`department_decision` text,
	`department_decided_at` text,
	`department_decided_by` text,
	`basic_fen` integer,
	`project_fen` integer,
	`fiscal_fen` integer,
	`other_fen` integer,
	`functions` text,
	`midterm_goal` text DEFAULT '' NOT NULL,
	`midterm_fiscal_fen` integer,
	`midterm_other_fen` integer,
	`annual_fiscal_fen` integer,
	`annual_other_fen` integer,
	`project_basis` text DEFAULT '' NOT NULL,
	`schedule` text DEFAULT '[]' NOT NULL,
	`contact_person` text DEFAULT '' NOT NULL,
	`contact_phone` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "targets_year" CHECK(typeof("year") = 'integer' AND "year" BETWEEN 2000 AND 2100),
	CONSTRAINT "targets_kind" CHECK("kind" IN ('project', 'department')),
	CONSTRAINT "targets_status" CHECK("status" IN ('draft', 'submitted', 'approved', 'returned')),
	CONSTRAINT "targets_review_grade" CHECK("review_grade" IS NULL OR "review_grade" IN ('优', '良', '中', '差')),
	CONSTRAINT "targets_review_step" CHECK("review_step" IS NULL OR "review_step" IN ('department', 'bureau')),
	CONSTRAINT "targets_department_decision" CHECK("department_decision" IS NULL OR "department_decision" IN ('approve', 'return')),
	CONSTRAINT "targets_deleted" CHECK("deleted" IN (0, 1)),
	CONSTRAINT "targets_annual_goals" CHECK(json_valid("annual_goals")),
	CONSTRAINT "targets_schedule" CHECK(json_valid("schedule")),
	CONSTRAINT "targets_basic_fen" CHECK("basic_fen" IS NULL OR (typeof("basic_fen") = 'integer' AND "basic_fen" >= 0)),
	CONSTRAINT "targets_project_fen" CHECK("project_fen" IS NULL OR (typeof("project_fen") = 'integer' AND "project_fen" >= 0)),
	CONSTRAINT "targets_fiscal_fen" CHECK("fiscal_fen" IS NULL OR (typeof("fiscal_fen") = 'integer' AND "fiscal_fen" >= 0)),
	CONSTRAINT "targets_other_fen" CHECK("other_fen" IS NULL OR (typeof("other_fen") = 'integer' AND "other_fen" >= 0)),
	CONSTRAINT "targets_midterm_fiscal_fen" CHECK("midterm_fiscal_fen" IS NULL OR (typeof("midterm_fiscal_fen") = 'integer' AND "midterm_fiscal_fen" >= 0)),
	CONSTRAINT "targets_midterm_other_fen" CHECK("midterm_other_fen" IS NULL OR (typeof("midterm_other_fen") = 'integer' AND "midterm_other_fen" >= 0)),
	CONSTRAINT "targets_annual_fiscal_fen" CHECK("annual_fiscal_fen" IS NULL OR (typeof("annual_fiscal_fen") = 'integer' AND "annual_fiscal_fen" >= 0)),
	CONSTRAINT "targets_annual_other_fen" CHECK("annual_other_fen" IS NULL OR (typeof("annual_other_fen") = 'integer' AND "annual_other_fen" >= 0))
);
--> statement-breakpoint
INSERT INTO `__new_targets`("id", "version", "updated_at", "deleted", "region_code", "year", "kind", "owner_code", "project_id", "status", "overall_goal", "annual_goals", "review_grade", "review_opinion", "submitted_at", "submitted_by", "decided_at", "review_step", "department_opinion", "department_decision", "department_decided_at", "department_decided_by", "basic_fen", "project_fen", "fiscal_fen", "other_fen", "functions", "midterm_goal", "midterm_fiscal_fen", "midterm_other_fen", "annual_fiscal_fen", "annual_other_fen", "project_basis", "schedule", "contact_person", "contact_phone") SELECT "id", "version", "updated_at", "deleted", "region_code", "year", "kind", "owner_code", "project_id", "status", "overall_goal", "annual_goals", "review_grade", "review_opinion", "submitted_at", "submitted_by", "decided_at", "review_step", "department_opinion", "department_decision", "department_decided_at", "department_decided_by", "basic_fen", "project_fen", "fiscal_fen", "other_fen", "functions", "midterm_goal", "midterm_fiscal_fen", "midterm_other_fen", "annual_fiscal_fen", "annual_other_fen", "project_basis", "schedule", "contact_person", "contact_phone" FROM `targets`;--> statement-breakpoint
DROP TABLE `targets`;--> statement-breakpoint
ALTER TABLE `__new_targets` RENAME TO `targets`;--> statement-breakpoint
CREATE UNIQUE INDEX `targets_natural_key` ON `targets` (`region_code`,`year`,`kind`,`owner_code`);--> statement-breakpoint
CREATE INDEX `targets_status` ON `targets` (`year`,`status`);--> statement-breakpoint
CREATE INDEX `targets_project` ON `targets` (`project_id`);