ALTER TABLE `evaluations` ADD `plan_item_id` text REFERENCES evaluation_plan_items(id);--> statement-breakpoint
ALTER TABLE `evaluations` ADD `engagement_id` text REFERENCES firm_engagements(id);