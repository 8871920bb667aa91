PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_rectification_rounds` (
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
	`on_behalf` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`rectification_id`) REFERENCES `rectifications`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "rectification_rounds_round" CHECK((typeof("round") = 'integer' AND "round" >= 1)),
	CONSTRAINT "rectification_rounds_department_decision" CHECK("department_decision" IS NULL OR "department_decision" IN ('forward', 'return')),
	CONSTRAINT "rectification_rounds_verdict" CHECK("verdict" IS NULL OR "verdict" IN ('approve', 'return')),
	CONSTRAINT "rectification_rounds_on_behalf" CHECK("on_behalf" IN (0, 1))
);
--> statement-breakpoint
INSERT INTO `__new_rectification_rounds`("id", "rectification_id", "round", "feedback", "answered_by", "answered_by_name", "answered_at", "department_decision", "department_opinion", "department_by_name", "department_at", "verdict", "verdict_opinion", "verdict_by_name", "verdict_at", "on_behalf") SELECT "id", "rectification_id", "round", "feedback", "answered_by", "answered_by_name", "answered_at", "department_decision", "department_opinion", "department_by_name", "department_at", "verdict", "verdict_opinion", "verdict_by_name", "verdict_at", "on_behalf" FROM `rectification_rounds`;--> statement-breakpoint
DROP TABLE `rectification_rounds`;--> statement-breakpoint
ALTER TABLE `__new_rectification_rounds` RENAME TO `rectification_rounds`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `rectification_rounds_key` ON `rectification_rounds` (`rectification_id`,`round`);