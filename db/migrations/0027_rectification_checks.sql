PRAGMA foreign_keys=OFF;--> statement-breakpoint
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
	`source_label` text DEFAULT '' NOT NULL,
	`department_code` text,
	`holder` text,
	`department_requirements` text DEFAULT '' NOT NULL,
	`issued_by` text,
	`issued_by_name` text,
	`issued_at` text,
	`return_count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "rectifications_year" CHECK(typeof("year") = 'integer' AND "year" BETWEEN 2000 AND 2100),
	CONSTRAINT "rectifications_source" CHECK("source" IN ('monitoring', 'self-evaluation', 'spot-check', 'department-evaluation', 'finance-evaluation')),
	CONSTRAINT "rectifications_status" CHECK("status" IN ('pending', 'issued', 'answered', 'passed', 'returned')),
	CONSTRAINT "rectifications_deleted" CHECK("deleted" IN (0, 1)),
	CONSTRAINT "rectifications_holder" CHECK("holder" IS NULL OR "holder" IN ('department', 'unit', 'bureau')),
	CONSTRAINT "rectifications_return_count" CHECK((typeof("return_count") = 'integer' AND "return_count" >= 0))
);
--> statement-breakpoint
INSERT INTO `__new_rectifications`("id", "version", "updated_at", "deleted", "region_code", "year", "seq", "source", "source_id", "project_id", "unit_code", "problems", "requirements", "deadline", "status", "feedback", "verdict_opinion", "created_at", "source_label", "department_code", "holder", "department_requirements", "issued_by", "issued_by_name", "issued_at", "return_count") SELECT "id", "version", "updated_at", "deleted", "region_code", "year", "seq", "source", "source_id", "project_id", "unit_code", "problems", "requirements", "deadline", "status", "feedback", "verdict_opinion", "created_at", "source_label", "department_code", "holder", "department_requirements", "issued_by", "issued_by_name", "issued_at", "return_count" FROM `rectifications`;--> statement-breakpoint
DROP TABLE `rectifications`;--> statement-breakpoint
ALTER TABLE `__new_rectifications` RENAME TO `rectifications`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `rectifications_key` ON `rectifications` (`region_code`,`year`,`seq`);