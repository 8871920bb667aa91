DROP INDEX `evaluation_templates_version`;--> statement-breakpoint
ALTER TABLE `evaluation_templates` ADD `deleted` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `evaluation_templates` ADD `origin_region` text;--> statement-breakpoint
CREATE INDEX `evaluation_templates_origin` ON `evaluation_templates` (`origin_region`);--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_templates_version` ON `evaluation_templates` (`kind`,`name`,`version`) WHERE origin_region IS NULL;