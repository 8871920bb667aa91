-- A round's counted lights (monitoring_round_lights) stand only while nothing they were counted from changes: a write
-- to one of the round's sheets (its round, project, tombstone or submission), its funds (budget and execution) or its
-- indicators (operator, target, accrual, value reached) deletes the round's row, whichever path wrote it (the sheet
-- form, the xlsx import, a package import, a script). Updates that leave those columns as they were keep it.
-- The rules it was judged by (the round's month, the settings) are checked on every read, not here. Counts kept before
-- the triggers stood are not trusted.
DELETE FROM `monitoring_round_lights`;--> statement-breakpoint
CREATE TRIGGER `monitoring_round_lights_sheet_insert` AFTER INSERT ON `monitoring_sheets`
BEGIN
  DELETE FROM `monitoring_round_lights` WHERE `round_id` = NEW.`round_id`;
END;--> statement-breakpoint
CREATE TRIGGER `monitoring_round_lights_sheet_update` AFTER UPDATE OF `round_id`, `project_id`, `deleted`, `submitted_at` ON `monitoring_sheets`
WHEN OLD.`round_id` IS NOT NEW.`round_id` OR OLD.`project_id` IS NOT NEW.`project_id` OR OLD.`deleted` IS NOT NEW.`deleted` OR OLD.`submitted_at` IS NOT NEW.`submitted_at`
BEGIN
  DELETE FROM `monitoring_round_lights` WHERE `round_id` IN (OLD.`round_id`, NEW.`round_id`);
END;--> statement-breakpoint
CREATE TRIGGER `monitoring_round_lights_sheet_delete` AFTER DELETE ON `monitoring_sheets`
BEGIN
  DELETE FROM `monitoring_round_lights` WHERE `round_id` = OLD.`round_id`;
END;--> statement-breakpoint
CREATE TRIGGER `monitoring_round_lights_fund_insert` AFTER INSERT ON `monitoring_funds`
BEGIN
  DELETE FROM `monitoring_round_lights` WHERE `round_id` = (SELECT `round_id` FROM `monitoring_sheets` WHERE `id` = NEW.`sheet_id`);
END;--> statement-breakpoint
CREATE TRIGGER `monitoring_round_lights_fund_update` AFTER UPDATE OF `sheet_id`, `adjusted_fen`, `executed_fen` ON `monitoring_funds`
WHEN OLD.`sheet_id` IS NOT NEW.`sheet_id` OR OLD.`adjusted_fen` IS NOT NEW.`adjusted_fen` OR OLD.`executed_fen` IS NOT NEW.`executed_fen`
BEGIN
  DELETE FROM `monitoring_round_lights` WHERE `round_id` IN (SELECT `round_id` FROM `monitoring_sheets` WHERE `id` IN (OLD.`sheet_id`, NEW.`sheet_id`));
END;--> statement-breakpoint
CREATE TRIGGER `monitoring_round_lights_fund_delete` AFTER DELETE ON `monitoring_funds`
BEGIN
  DELETE FROM `monitoring_round_lights` WHERE `round_id` = (SELECT `round_id` FROM `monitoring_sheets` WHERE `id` = OLD.`sheet_id`);
END;--> statement-breakpoint
CREATE TRIGGER `monitoring_round_lights_indicator_insert` AFTER INSERT ON `monitoring_indicators`
BEGIN
  DELETE FROM `monitoring_round_lights` WHERE `round_id` = (SELECT `round_id` FROM `monitoring_sheets` WHERE `id` = NEW.`sheet_id`);
END;--> statement-breakpoint
CREATE TRIGGER `monitoring_round_lights_indicator_update` AFTER UPDATE OF `sheet_id`, `operator`, `target_value`, `accrual`, `reached` ON `monitoring_indicators`
WHEN OLD.`sheet_id` IS NOT NEW.`sheet_id` OR OLD.`operator` IS NOT NEW.`operator` OR OLD.`target_value` IS NOT NEW.`target_value` OR OLD.`accrual` IS NOT NEW.`accrual` OR OLD.`reached` IS NOT NEW.`reached`
BEGIN
  DELETE FROM `monitoring_round_lights` WHERE `round_id` IN (SELECT `round_id` FROM `monitoring_sheets` WHERE `id` IN (OLD.`sheet_id`, NEW.`sheet_id`));
END;--> statement-breakpoint
CREATE TRIGGER `monitoring_round_lights_indicator_delete` AFTER DELETE ON `monitoring_indicators`
BEGIN
  DELETE FROM `monitoring_round_lights` WHERE `round_id` = (SELECT `round_id` FROM `monitoring_sheets` WHERE `id` = OLD.`sheet_id`);
END;
