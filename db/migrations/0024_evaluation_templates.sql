CREATE TABLE `evaluation_scores` (
	`id` text PRIMARY KEY NOT NULL,
	`evaluation_id` text NOT NULL,
	`path` text NOT NULL,
	`value` text DEFAULT '' NOT NULL,
	`target` text DEFAULT '' NOT NULL,
	`count` text DEFAULT '' NOT NULL,
	`entered` text DEFAULT '' NOT NULL,
	`evidence` text DEFAULT '' NOT NULL,
	`score` text,
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_scores_path` ON `evaluation_scores` (`evaluation_id`,`path`);--> statement-breakpoint
CREATE TABLE `evaluation_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`version` integer NOT NULL,
	`tree` text NOT NULL,
	`frozen` integer DEFAULT false NOT NULL,
	`created_by` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "evaluation_templates_kind" CHECK("kind" IN ('project', 'department')),
	CONSTRAINT "evaluation_templates_version" CHECK((typeof("version") = 'integer' AND "version" >= 1)),
	CONSTRAINT "evaluation_templates_tree" CHECK(json_valid("tree")),
	CONSTRAINT "evaluation_templates_frozen" CHECK("frozen" IN (0, 1))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_templates_version` ON `evaluation_templates` (`kind`,`name`,`version`);--> statement-breakpoint
CREATE TABLE `evaluations` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`region_code` text NOT NULL,
	`year` integer NOT NULL,
	`kind` text NOT NULL,
	`subject_code` text NOT NULL,
	`project_id` text,
	`unit_code` text NOT NULL,
	`template_id` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`methods` text DEFAULT '[]' NOT NULL,
	`standard` text,
	`evaluators` text DEFAULT '' NOT NULL,
	`findings` text DEFAULT '[]' NOT NULL,
	`total_score` text,
	`grade` text,
	`created_by` text,
	`submitted_at` text,
	`submitted_by` text,
	`reviewed_by` text,
	`review_opinion` text,
	`decided_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_id`) REFERENCES `evaluation_templates`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "evaluations_year" CHECK(typeof("year") = 'integer' AND "year" BETWEEN 2000 AND 2100),
	CONSTRAINT "evaluations_kind" CHECK("kind" IN ('department-evaluation', 'finance-evaluation')),
	CONSTRAINT "evaluations_standard" CHECK("standard" IS NULL OR "standard" IN ('计划', '行业', '历史', '其他')),
	CONSTRAINT "evaluations_status" CHECK("status" IN ('draft', 'submitted', 'approved', 'returned')),
	CONSTRAINT "evaluations_methods" CHECK(json_valid("methods")),
	CONSTRAINT "evaluations_findings" CHECK(json_valid("findings")),
	CONSTRAINT "evaluations_deleted" CHECK("deleted" IN (0, 1))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluations_natural_key` ON `evaluations` (`region_code`,`year`,`kind`,`subject_code`);--> statement-breakpoint
CREATE INDEX `evaluations_year` ON `evaluations` (`year`,`status`);