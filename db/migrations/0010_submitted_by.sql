ALTER TABLE `target_adjustments` ADD `proposed_by` text;--> statement-breakpoint
ALTER TABLE `targets` ADD `submitted_by` text;--> statement-breakpoint
ALTER TABLE `monitoring_sheets` ADD `submitted_by` text;