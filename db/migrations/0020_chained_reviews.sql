ALTER TABLE `target_adjustments` ADD `review_step` text;--> statement-breakpoint
ALTER TABLE `target_adjustments` ADD `department_opinion` text;--> statement-breakpoint
ALTER TABLE `target_adjustments` ADD `department_decision` text;--> statement-breakpoint
ALTER TABLE `target_adjustments` ADD `department_decided_at` text;--> statement-breakpoint
ALTER TABLE `target_adjustments` ADD `department_decided_by` text;--> statement-breakpoint
ALTER TABLE `self_evaluations` ADD `review_step` text;--> statement-breakpoint
ALTER TABLE `self_evaluations` ADD `department_opinion` text;--> statement-breakpoint
ALTER TABLE `self_evaluations` ADD `department_decision` text;--> statement-breakpoint
ALTER TABLE `self_evaluations` ADD `department_decided_at` text;--> statement-breakpoint
ALTER TABLE `self_evaluations` ADD `department_decided_by` text;