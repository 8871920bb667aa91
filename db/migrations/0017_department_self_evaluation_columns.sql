CREATE TABLE `self_evaluation_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`self_evaluation_id` text NOT NULL,
	`seq` integer NOT NULL,
	`function` text DEFAULT '' NOT NULL,
	`task` text DEFAULT '' NOT NULL,
	`amount_fen` integer DEFAULT 0 NOT NULL,
	`completion` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`self_evaluation_id`) REFERENCES `self_evaluations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `self_evaluation_tasks_seq` ON `self_evaluation_tasks` (`self_evaluation_id`,`seq`);--> statement-breakpoint
ALTER TABLE `self_evaluations` ADD `kind` text DEFAULT 'project' NOT NULL;--> statement-breakpoint
ALTER TABLE `self_evaluations` ADD `basic_spending_initial_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `self_evaluations` ADD `basic_spending_adjusted_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `self_evaluations` ADD `basic_spending_executed_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `self_evaluations` ADD `project_spending_initial_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `self_evaluations` ADD `project_spending_adjusted_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `self_evaluations` ADD `project_spending_executed_fen` integer DEFAULT 0 NOT NULL;