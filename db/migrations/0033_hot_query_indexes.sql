CREATE INDEX `regions_children` ON `regions` (`parent_code`,`level`);--> statement-breakpoint
CREATE INDEX `units_code` ON `units` (`code`);--> statement-breakpoint
CREATE INDEX `targets_project` ON `targets` (`project_id`);--> statement-breakpoint
CREATE INDEX `monitoring_sheets_project` ON `monitoring_sheets` (`project_id`);--> statement-breakpoint
CREATE INDEX `self_evaluations_project` ON `self_evaluations` (`project_id`);--> statement-breakpoint
CREATE INDEX `rectifications_year` ON `rectifications` (`year`,`seq`);--> statement-breakpoint
CREATE INDEX `rectifications_source` ON `rectifications` (`source`,`source_id`);--> statement-breakpoint
CREATE INDEX `rectifications_project` ON `rectifications` (`project_id`);--> statement-breakpoint
CREATE INDEX `exchange_decisions_record` ON `exchange_decisions` (`record_id`,`entity`,`decided_at`);--> statement-breakpoint
CREATE INDEX `exchange_decisions_unsent` ON `exchange_decisions` (`peer`,`package_id`);--> statement-breakpoint
CREATE INDEX `exchange_package_records_record` ON `exchange_package_records` (`record_id`,`entity`);--> statement-breakpoint
CREATE INDEX `evaluations_project` ON `evaluations` (`project_id`);