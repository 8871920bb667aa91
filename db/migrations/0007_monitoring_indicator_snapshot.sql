PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_monitoring_indicators` (
	`sheet_id` text NOT NULL,
	`indicator_id` text NOT NULL,
	`seq` integer DEFAULT 0 NOT NULL,
	`level1` text DEFAULT '' NOT NULL,
	`level2` text DEFAULT '' NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`operator` text DEFAULT '' NOT NULL,
	`target_value` text DEFAULT '' NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`reached` text,
	`expected_full_year` text,
	`likelihood` text,
	`reasons` text DEFAULT '[]' NOT NULL,
	`reason_other` text DEFAULT '' NOT NULL,
	`measures` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`sheet_id`) REFERENCES `monitoring_sheets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- The snapshot of each indicator comes from the target row it was opened against.
INSERT INTO `__new_monitoring_indicators`("sheet_id", "indicator_id", "seq", "level1", "level2", "name", "operator", "target_value", "unit", "reached", "expected_full_year", "likelihood", "reasons", "reason_other", "measures") SELECT m."sheet_id", m."indicator_id", coalesce(t."seq", 0), coalesce(t."level1", ''), coalesce(t."level2", ''), coalesce(t."name", ''), coalesce(t."operator", ''), coalesce(t."value", ''), coalesce(t."unit", ''), m."reached", m."expected_full_year", m."likelihood", m."reasons", m."reason_other", m."measures" FROM `monitoring_indicators` m LEFT JOIN `target_indicators` t ON t."id" = m."indicator_id";--> statement-breakpoint
DROP TABLE `monitoring_indicators`;--> statement-breakpoint
ALTER TABLE `__new_monitoring_indicators` RENAME TO `monitoring_indicators`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `monitoring_indicators_key` ON `monitoring_indicators` (`sheet_id`,`indicator_id`);