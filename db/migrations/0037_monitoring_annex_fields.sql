PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_monitoring_funds` (
	`sheet_id` text NOT NULL,
	`source` text NOT NULL,
	`initial_fen` integer DEFAULT 0 NOT NULL,
	`adjusted_fen` integer DEFAULT 0 NOT NULL,
	`executed_fen` integer DEFAULT 0 NOT NULL,
	`forecast_fen` integer,
	FOREIGN KEY (`sheet_id`) REFERENCES `monitoring_sheets`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "monitoring_funds_source" CHECK("source" IN ('本级财政拨款', '上级补助（中央）', '上级补助（自治区）', '上级补助（州）', '上年结转', '财政专户管理资金', '单位资金', '其他资金')),
	CONSTRAINT "monitoring_funds_initial_fen" CHECK((typeof("initial_fen") = 'integer' AND "initial_fen" >= 0)),
	CONSTRAINT "monitoring_funds_adjusted_fen" CHECK((typeof("adjusted_fen") = 'integer' AND "adjusted_fen" >= 0)),
	CONSTRAINT "monitoring_funds_executed_fen" CHECK((typeof("executed_fen") = 'integer' AND "executed_fen" >= 0)),
	CONSTRAINT "monitoring_funds_forecast_fen" CHECK("forecast_fen" IS NULL OR (typeof("forecast_fen") = 'integer' AND "forecast_fen" >= 0))
);
--> statement-breakpoint
-- 年初预算数 of a sheet opened before: the project's initial budget of that source; nobody has forecast yet.
INSERT INTO `__new_monitoring_funds`("sheet_id", "source", "initial_fen", "adjusted_fen", "executed_fen", "forecast_fen") SELECT f."sheet_id", f."source", coalesce(pf."initial_fen", 0), f."adjusted_fen", f."executed_fen", NULL FROM `monitoring_funds` f JOIN `monitoring_sheets` s ON s."id" = f."sheet_id" LEFT JOIN `project_funds` pf ON pf."project_id" = s."project_id" AND pf."source" = f."source";--> statement-breakpoint
DROP TABLE `monitoring_funds`;--> statement-breakpoint
ALTER TABLE `__new_monitoring_funds` RENAME TO `monitoring_funds`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `monitoring_funds_key` ON `monitoring_funds` (`sheet_id`,`source`);--> statement-breakpoint
ALTER TABLE `monitoring_sheets` ADD `goal_progress` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `monitoring_sheets` ADD `remarks` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- The budget light now has its own reasons (政策调整 … 其他); the 保障 reasons given before are kept as the 其他 text.
UPDATE `monitoring_sheets` SET `budget_reason_other` = ltrim(coalesce((SELECT group_concat(value, '、') FROM json_each(`budget_reasons`) WHERE value <> '其他'), '') || CASE WHEN `budget_reason_other` <> '' THEN '：' || `budget_reason_other` ELSE '' END, '：'), `budget_reasons` = '["其他"]' WHERE `budget_reasons` <> '[]';