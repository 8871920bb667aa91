ALTER TABLE `monitoring_sheets` ADD `budget_reasons` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `monitoring_sheets` ADD `budget_reason_other` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `monitoring_sheets` ADD `budget_measures` text DEFAULT '' NOT NULL;