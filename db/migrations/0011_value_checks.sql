PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_units` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`region_code` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`department_code` text,
	`is_department` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "units_deleted" CHECK("deleted" IN (0, 1)),
	CONSTRAINT "units_is_department" CHECK("is_department" IN (0, 1)),
	CONSTRAINT "units_active" CHECK("active" IN (0, 1))
);
--> statement-breakpoint
INSERT INTO `__new_units`("id", "version", "updated_at", "deleted", "region_code", "code", "name", "department_code", "is_department", "active") SELECT "id", "version", "updated_at", "deleted", "region_code", "code", "name", "department_code", "is_department", "active" FROM `units`;--> statement-breakpoint
DROP TABLE `units`;--> statement-breakpoint
ALTER TABLE `__new_units` RENAME TO `units`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `units_natural_key` ON `units` (`region_code`,`code`);--> statement-breakpoint
CREATE INDEX `units_department` ON `units` (`department_code`);--> statement-breakpoint
CREATE TABLE `__new_department_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`target_id` text NOT NULL,
	`seq` integer NOT NULL,
	`function` text NOT NULL,
	`task` text NOT NULL,
	`project_codes` text DEFAULT '[]' NOT NULL,
	`amount_fen` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "department_tasks_amount_fen" CHECK((typeof("amount_fen") = 'integer' AND "amount_fen" >= 0)),
	CONSTRAINT "department_tasks_project_codes" CHECK(json_valid("project_codes"))
);
--> statement-breakpoint
INSERT INTO `__new_department_tasks`("id", "target_id", "seq", "function", "task", "project_codes", "amount_fen") SELECT "id", "target_id", "seq", "function", "task", "project_codes", "amount_fen" FROM `department_tasks`;--> statement-breakpoint
DROP TABLE `department_tasks`;--> statement-breakpoint
ALTER TABLE `__new_department_tasks` RENAME TO `department_tasks`;--> statement-breakpoint
CREATE UNIQUE INDEX `department_tasks_seq` ON `department_tasks` (`target_id`,`seq`);--> statement-breakpoint
CREATE TABLE `__new_project_funds` (
	`project_id` text NOT NULL,
	`source` text NOT NULL,
	`initial_fen` integer DEFAULT 0 NOT NULL,
	`addition_fen` integer DEFAULT 0 NOT NULL,
	`cut_fen` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "project_funds_source" CHECK("source" IN ('本级财政拨款', '上级补助（中央）', '上级补助（自治区）', '上级补助（州）', '上年结转', '财政专户管理资金', '单位资金', '其他资金')),
	CONSTRAINT "project_funds_initial_fen" CHECK((typeof("initial_fen") = 'integer' AND "initial_fen" >= 0)),
	CONSTRAINT "project_funds_addition_fen" CHECK((typeof("addition_fen") = 'integer' AND "addition_fen" >= 0)),
	CONSTRAINT "project_funds_cut_fen" CHECK((typeof("cut_fen") = 'integer' AND "cut_fen" >= 0))
);
--> statement-breakpoint
INSERT INTO `__new_project_funds`("project_id", "source", "initial_fen", "addition_fen", "cut_fen") SELECT "project_id", "source", "initial_fen", "addition_fen", "cut_fen" FROM `project_funds`;--> statement-breakpoint
DROP TABLE `project_funds`;--> statement-breakpoint
ALTER TABLE `__new_project_funds` RENAME TO `project_funds`;--> statement-breakpoint
CREATE UNIQUE INDEX `project_funds_key` ON `project_funds` (`project_id`,`source`);--> statement-breakpoint
CREATE TABLE `__new_projects` (
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
	`person_in_charge` text DEFAULT '' NOT NULL,
	CONSTRAINT "projects_year" CHECK(typeof("year") = 'integer' AND "year" BETWEEN 2000 AND 2100),
	CONSTRAINT "projects_category" CHECK("category" IN ('本级支出', '对下转移支付')),
	CONSTRAINT "projects_attribute" CHECK("attribute" IN ('新增', '延续')),
	CONSTRAINT "projects_deleted" CHECK("deleted" IN (0, 1)),
	CONSTRAINT "projects_key_project" CHECK("key_project" IN (0, 1)),
	CONSTRAINT "projects_poverty_fund" CHECK("poverty_fund" IN (0, 1)),
	CONSTRAINT "projects_confidential" CHECK("confidential" IN (0, 1))
);
--> statement-breakpoint
INSERT INTO `__new_projects`("id", "version", "updated_at", "deleted", "region_code", "year", "code", "name", "department_code", "unit_code", "category", "attribute", "key_project", "poverty_fund", "confidential", "project_type_code", "start_date", "end_date", "person_in_charge") SELECT "id", "version", "updated_at", "deleted", "region_code", "year", "code", "name", "department_code", "unit_code", "category", "attribute", "key_project", "poverty_fund", "confidential", "project_type_code", "start_date", "end_date", "person_in_charge" FROM `projects`;--> statement-breakpoint
DROP TABLE `projects`;--> statement-breakpoint
ALTER TABLE `__new_projects` RENAME TO `projects`;--> statement-breakpoint
CREATE UNIQUE INDEX `projects_natural_key` ON `projects` (`region_code`,`year`,`code`);--> statement-breakpoint
CREATE INDEX `projects_unit` ON `projects` (`year`,`unit_code`);--> statement-breakpoint
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
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "target_adjustments_status" CHECK("status" IN ('draft', 'submitted', 'approved', 'returned')),
	CONSTRAINT "target_adjustments_deleted" CHECK("deleted" IN (0, 1)),
	CONSTRAINT "target_adjustments_original" CHECK(json_valid("original")),
	CONSTRAINT "target_adjustments_proposed" CHECK(json_valid("proposed"))
);
--> statement-breakpoint
INSERT INTO `__new_target_adjustments`("id", "version", "updated_at", "deleted", "target_id", "seq", "status", "reason", "original", "proposed", "opinion", "proposed_by", "created_at", "decided_at") SELECT "id", "version", "updated_at", "deleted", "target_id", "seq", "status", "reason", "original", "proposed", "opinion", "proposed_by", "created_at", "decided_at" FROM `target_adjustments`;--> statement-breakpoint
DROP TABLE `target_adjustments`;--> statement-breakpoint
ALTER TABLE `__new_target_adjustments` RENAME TO `target_adjustments`;--> statement-breakpoint
CREATE UNIQUE INDEX `target_adjustments_seq` ON `target_adjustments` (`target_id`,`seq`);--> statement-breakpoint
CREATE TABLE `__new_target_indicators` (
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
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "target_indicators_accrual" CHECK("accrual" IN ('cumulative', 'level'))
);
--> statement-breakpoint
INSERT INTO `__new_target_indicators`("id", "target_id", "seq", "level1", "level2", "name", "operator", "value", "unit", "accrual", "definition", "basis", "weight", "library_code") SELECT "id", "target_id", "seq", "level1", "level2", "name", "operator", "value", "unit", "accrual", "definition", "basis", "weight", "library_code" FROM `target_indicators`;--> statement-breakpoint
DROP TABLE `target_indicators`;--> statement-breakpoint
ALTER TABLE `__new_target_indicators` RENAME TO `target_indicators`;--> statement-breakpoint
CREATE UNIQUE INDEX `target_indicators_seq` ON `target_indicators` (`target_id`,`seq`);--> statement-breakpoint
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
	`basic_fen` integer,
	`project_fen` integer,
	`fiscal_fen` integer,
	`other_fen` integer,
	`functions` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "targets_year" CHECK(typeof("year") = 'integer' AND "year" BETWEEN 2000 AND 2100),
	CONSTRAINT "targets_kind" CHECK("kind" IN ('project', 'department')),
	CONSTRAINT "targets_status" CHECK("status" IN ('draft', 'submitted', 'approved', 'returned')),
	CONSTRAINT "targets_review_grade" CHECK("review_grade" IS NULL OR "review_grade" IN ('优', '良', '中', '差')),
	CONSTRAINT "targets_deleted" CHECK("deleted" IN (0, 1)),
	CONSTRAINT "targets_annual_goals" CHECK(json_valid("annual_goals")),
	CONSTRAINT "targets_basic_fen" CHECK("basic_fen" IS NULL OR (typeof("basic_fen") = 'integer' AND "basic_fen" >= 0)),
	CONSTRAINT "targets_project_fen" CHECK("project_fen" IS NULL OR (typeof("project_fen") = 'integer' AND "project_fen" >= 0)),
	CONSTRAINT "targets_fiscal_fen" CHECK("fiscal_fen" IS NULL OR (typeof("fiscal_fen") = 'integer' AND "fiscal_fen" >= 0)),
	CONSTRAINT "targets_other_fen" CHECK("other_fen" IS NULL OR (typeof("other_fen") = 'integer' AND "other_fen" >= 0))
);
--> statement-breakpoint
INSERT INTO `__new_targets`("id", "version", "updated_at", "deleted", "region_code", "year", "kind", "owner_code", "project_id", "status", "overall_goal", "annual_goals", "review_grade", "review_opinion", "submitted_at", "submitted_by", "decided_at", "basic_fen", "project_fen", "fiscal_fen", "other_fen", "functions") SELECT "id", "version", "updated_at", "deleted", "region_code", "year", "kind", "owner_code", "project_id", "status", "overall_goal", "annual_goals", "review_grade", "review_opinion", "submitted_at", "submitted_by", "decided_at", "basic_fen", "project_fen", "fiscal_fen", "other_fen", "functions" FROM `targets`;--> statement-breakpoint
DROP TABLE `targets`;--> statement-breakpoint
ALTER TABLE `__new_targets` RENAME TO `targets`;--> statement-breakpoint
CREATE UNIQUE INDEX `targets_natural_key` ON `targets` (`region_code`,`year`,`kind`,`owner_code`);--> statement-breakpoint
CREATE INDEX `targets_status` ON `targets` (`year`,`status`);--> statement-breakpoint
CREATE TABLE `__new_monitoring_funds` (
	`sheet_id` text NOT NULL,
	`source` text NOT NULL,
	`adjusted_fen` integer DEFAULT 0 NOT NULL,
	`executed_fen` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`sheet_id`) REFERENCES `monitoring_sheets`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "monitoring_funds_source" CHECK("source" IN ('本级财政拨款', '上级补助（中央）', '上级补助（自治区）', '上级补助（州）', '上年结转', '财政专户管理资金', '单位资金', '其他资金')),
	CONSTRAINT "monitoring_funds_adjusted_fen" CHECK((typeof("adjusted_fen") = 'integer' AND "adjusted_fen" >= 0)),
	CONSTRAINT "monitoring_funds_executed_fen" CHECK((typeof("executed_fen") = 'integer' AND "executed_fen" >= 0))
);
--> statement-breakpoint
INSERT INTO `__new_monitoring_funds`("sheet_id", "source", "adjusted_fen", "executed_fen") SELECT "sheet_id", "source", "adjusted_fen", "executed_fen" FROM `monitoring_funds`;--> statement-breakpoint
DROP TABLE `monitoring_funds`;--> statement-breakpoint
ALTER TABLE `__new_monitoring_funds` RENAME TO `monitoring_funds`;--> statement-breakpoint
CREATE UNIQUE INDEX `monitoring_funds_key` ON `monitoring_funds` (`sheet_id`,`source`);--> statement-breakpoint
CREATE TABLE `__new_monitoring_indicators` (
	`sheet_id` text NOT NULL,
	`indicator_id` text NOT NULL,
	`seq` integer DEFAULT 0 NOT NULL,
	`level1` text DEFAULT '' NOT NULL,
	`level2` text DEFAULT '' NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`operator` text DEFAULT '' NOT NULL,
	`target_value` text DEFAULT '' NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`accrual` text DEFAULT 'cumulative' NOT NULL,
	`reached` text,
	`expected_full_year` text,
	`likelihood` text,
	`reasons` text DEFAULT '[]' NOT NULL,
	`reason_other` text DEFAULT '' NOT NULL,
	`measures` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`sheet_id`) REFERENCES `monitoring_sheets`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "monitoring_indicators_accrual" CHECK("accrual" IN ('cumulative', 'level')),
	CONSTRAINT "monitoring_indicators_reasons" CHECK(json_valid("reasons"))
);
--> statement-breakpoint
INSERT INTO `__new_monitoring_indicators`("sheet_id", "indicator_id", "seq", "level1", "level2", "name", "operator", "target_value", "unit", "accrual", "reached", "expected_full_year", "likelihood", "reasons", "reason_other", "measures") SELECT "sheet_id", "indicator_id", "seq", "level1", "level2", "name", "operator", "target_value", "unit", "accrual", "reached", "expected_full_year", "likelihood", "reasons", "reason_other", "measures" FROM `monitoring_indicators`;--> statement-breakpoint
DROP TABLE `monitoring_indicators`;--> statement-breakpoint
ALTER TABLE `__new_monitoring_indicators` RENAME TO `monitoring_indicators`;--> statement-breakpoint
CREATE UNIQUE INDEX `monitoring_indicators_key` ON `monitoring_indicators` (`sheet_id`,`indicator_id`);--> statement-breakpoint
CREATE TABLE `__new_monitoring_rounds` (
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
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "monitoring_rounds_year" CHECK(typeof("year") = 'integer' AND "year" BETWEEN 2000 AND 2100),
	CONSTRAINT "monitoring_rounds_month" CHECK(typeof("month") = 'integer' AND "month" BETWEEN 1 AND 12),
	CONSTRAINT "monitoring_rounds_scope" CHECK("scope" IN ('all', 'key', 'list')),
	CONSTRAINT "monitoring_rounds_closed" CHECK("closed" IN (0, 1)),
	CONSTRAINT "monitoring_rounds_deleted" CHECK("deleted" IN (0, 1))
);
--> statement-breakpoint
INSERT INTO `__new_monitoring_rounds`("id", "version", "updated_at", "deleted", "region_code", "year", "month", "seq", "title", "deadline", "scope", "closed", "created_at") SELECT "id", "version", "updated_at", "deleted", "region_code", "year", "month", "seq", "title", "deadline", "scope", "closed", "created_at" FROM `monitoring_rounds`;--> statement-breakpoint
DROP TABLE `monitoring_rounds`;--> statement-breakpoint
ALTER TABLE `__new_monitoring_rounds` RENAME TO `monitoring_rounds`;--> statement-breakpoint
CREATE UNIQUE INDEX `monitoring_rounds_key` ON `monitoring_rounds` (`region_code`,`year`,`month`,`seq`);--> statement-breakpoint
CREATE TABLE `__new_monitoring_sheets` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`round_id` text NOT NULL,
	`project_id` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`analysis` text DEFAULT '' NOT NULL,
	`budget_reasons` text DEFAULT '[]' NOT NULL,
	`budget_reason_other` text DEFAULT '' NOT NULL,
	`budget_measures` text DEFAULT '' NOT NULL,
	`review_opinion` text,
	`submitted_at` text,
	`submitted_by` text,
	`decided_at` text,
	FOREIGN KEY (`round_id`) REFERENCES `monitoring_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "monitoring_sheets_status" CHECK("status" IN ('draft', 'submitted', 'approved', 'returned')),
	CONSTRAINT "monitoring_sheets_deleted" CHECK("deleted" IN (0, 1))
);
--> statement-breakpoint
INSERT INTO `__new_monitoring_sheets`("id", "version", "updated_at", "deleted", "round_id", "project_id", "status", "analysis", "budget_reasons", "budget_reason_other", "budget_measures", "review_opinion", "submitted_at", "submitted_by", "decided_at") SELECT "id", "version", "updated_at", "deleted", "round_id", "project_id", "status", "analysis", "budget_reasons", "budget_reason_other", "budget_measures", "review_opinion", "submitted_at", "submitted_by", "decided_at" FROM `monitoring_sheets`;--> statement-breakpoint
DROP TABLE `monitoring_sheets`;--> statement-breakpoint
ALTER TABLE `__new_monitoring_sheets` RENAME TO `monitoring_sheets`;--> statement-breakpoint
CREATE UNIQUE INDEX `monitoring_sheets_key` ON `monitoring_sheets` (`round_id`,`project_id`);--> statement-breakpoint
CREATE INDEX `monitoring_sheets_status` ON `monitoring_sheets` (`round_id`,`status`);--> statement-breakpoint
CREATE TABLE `__new_rectifications` (
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
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "rectifications_year" CHECK(typeof("year") = 'integer' AND "year" BETWEEN 2000 AND 2100),
	CONSTRAINT "rectifications_source" CHECK("source" IN ('monitoring', 'self-evaluation', 'department-evaluation', 'finance-evaluation')),
	CONSTRAINT "rectifications_status" CHECK("status" IN ('pending', 'issued', 'answered', 'passed', 'returned')),
	CONSTRAINT "rectifications_deleted" CHECK("deleted" IN (0, 1))
);
--> statement-breakpoint
INSERT INTO `__new_rectifications`("id", "version", "updated_at", "deleted", "region_code", "year", "seq", "source", "source_id", "project_id", "unit_code", "problems", "requirements", "deadline", "status", "feedback", "verdict_opinion", "created_at") SELECT "id", "version", "updated_at", "deleted", "region_code", "year", "seq", "source", "source_id", "project_id", "unit_code", "problems", "requirements", "deadline", "status", "feedback", "verdict_opinion", "created_at" FROM `rectifications`;--> statement-breakpoint
DROP TABLE `rectifications`;--> statement-breakpoint
ALTER TABLE `__new_rectifications` RENAME TO `rectifications`;--> statement-breakpoint
CREATE UNIQUE INDEX `rectifications_key` ON `rectifications` (`region_code`,`year`,`seq`);