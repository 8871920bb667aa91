CREATE TABLE `expert_conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`expert_id` text NOT NULL,
	`unit_code` text NOT NULL,
	`reason` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`recorded_by` text NOT NULL,
	FOREIGN KEY (`expert_id`) REFERENCES `experts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `expert_conflicts_unit` ON `expert_conflicts` (`expert_id`,`unit_code`);--> statement-breakpoint
CREATE TABLE `experts` (
	`id` text PRIMARY KEY NOT NULL,
	`region_code` text NOT NULL,
	`name` text NOT NULL,
	`field` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`organisation` text DEFAULT '' NOT NULL,
	`unit_code` text,
	`contact` text DEFAULT '' NOT NULL,
	`available` integer DEFAULT true NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "experts_available" CHECK("available" IN (0, 1))
);
--> statement-breakpoint
CREATE INDEX `experts_name` ON `experts` (`region_code`,`name`);--> statement-breakpoint
CREATE TABLE `firm_engagements` (
	`id` text PRIMARY KEY NOT NULL,
	`firm_id` text NOT NULL,
	`year` integer NOT NULL,
	`subject` text NOT NULL,
	`plan_item_id` text,
	`contract_fen` integer NOT NULL,
	`fee_fen` integer NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`rating` integer,
	`rating_comment` text,
	`rated_at` text,
	`rated_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`firm_id`) REFERENCES `firms`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "firm_engagements_year" CHECK(typeof("year") = 'integer' AND "year" BETWEEN 2000 AND 2100),
	CONSTRAINT "firm_engagements_contract_fen" CHECK((typeof("contract_fen") = 'integer' AND "contract_fen" >= 0)),
	CONSTRAINT "firm_engagements_fee_fen" CHECK((typeof("fee_fen") = 'integer' AND "fee_fen" >= 0)),
	CONSTRAINT "firm_engagements_rating" CHECK("rating" IS NULL OR ("rating" BETWEEN 1 AND 5 AND typeof("rating") = 'integer'))
);
--> statement-breakpoint
CREATE INDEX `firm_engagements_year` ON `firm_engagements` (`year`,`firm_id`);--> statement-breakpoint
CREATE TABLE `firms` (
	`id` text PRIMARY KEY NOT NULL,
	`region_code` text NOT NULL,
	`name` text NOT NULL,
	`credit_code` text NOT NULL,
	`qualifications` text DEFAULT '' NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `firms_credit_code` ON `firms` (`region_code`,`credit_code`);--> statement-breakpoint
CREATE TABLE `evaluation_assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_item_id` text NOT NULL,
	`expert_id` text,
	`firm_id` text,
	`role` text NOT NULL,
	`assigned_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`assigned_by` text NOT NULL,
	FOREIGN KEY (`plan_item_id`) REFERENCES `evaluation_plan_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`expert_id`) REFERENCES `experts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`firm_id`) REFERENCES `firms`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "evaluation_assignments_one_evaluator" CHECK(("expert_id" IS NULL) <> ("firm_id" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_assignments_expert` ON `evaluation_assignments` (`plan_item_id`,`expert_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_assignments_firm` ON `evaluation_assignments` (`plan_item_id`,`firm_id`);--> statement-breakpoint
CREATE TABLE `evaluation_plan_items` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`project_id` text NOT NULL,
	`rule` text NOT NULL,
	`reason` text NOT NULL,
	`seed` text,
	`added_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`added_by` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `evaluation_plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "evaluation_plan_items_rule" CHECK("rule" IN ('key', 'amount', 'poverty', 'draw', 'hand'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_plan_items_project` ON `evaluation_plan_items` (`plan_id`,`project_id`);--> statement-breakpoint
CREATE TABLE `evaluation_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`region_code` text NOT NULL,
	`year` integer NOT NULL,
	`kind` text NOT NULL,
	`department_code` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`created_by` text NOT NULL,
	CONSTRAINT "evaluation_plans_year" CHECK(typeof("year") = 'integer' AND "year" BETWEEN 2000 AND 2100),
	CONSTRAINT "evaluation_plans_kind" CHECK("kind" IN ('finance', 'department'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_plans_key` ON `evaluation_plans` (`region_code`,`year`,`kind`,`department_code`);