ALTER TABLE `operators` ADD `department_code` text;--> statement-breakpoint
ALTER TABLE `targets` ADD `review_step` text;--> statement-breakpoint
ALTER TABLE `targets` ADD `department_opinion` text;--> statement-breakpoint
ALTER TABLE `targets` ADD `department_decision` text;--> statement-breakpoint
ALTER TABLE `targets` ADD `department_decided_at` text;--> statement-breakpoint
ALTER TABLE `targets` ADD `department_decided_by` text;