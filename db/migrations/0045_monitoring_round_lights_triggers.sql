-- A round's counted lights (monitoring_round_lights) stand only while none of its sheets changes: a sheet added, deleted,
-- moved, withdrawn (tombstone), submitted, or written at all (a new version or updated_at) deletes the round's row,
-- whichever path wrote it. A sheet's funds and indicators are written only with the sheet itself, which takes a new
-- version so that the change travels in the next package; the triggers stand on the sheet alone because a row trigger
-- on those child tables costs more than the count it keeps (about 4.5 µs a row, 8% of a big county's package import).
-- The rules a count was judged by (the round's month, the settings) are checked on every read, not here. Counts kept
-- before the triggers stood are not trusted.
DELETE FROM `monitoring_round_lights`;--> statement-breakpoint
CREATE TRIGGER `monitoring_round_lights_sheet_insert` AFTER INSERT ON `monitoring_sheets`
BEGIN
  DELETE FROM `monitoring_round_lights` WHERE `round_id` = NEW.`round_id`;
END;--> statement-breakpoint
CREATE TRIGGER `monitoring_round_lights_sheet_update` AFTER UPDATE OF `version`, `updated_at`, `round_id`, `project_id`, `deleted`, `submitted_at` ON `monitoring_sheets`
WHEN OLD.`version` IS NOT NEW.`version` OR OLD.`updated_at` IS NOT NEW.`updated_at` OR OLD.`round_id` IS NOT NEW.`round_id`
  OR OLD.`project_id` IS NOT NEW.`project_id` OR OLD.`deleted` IS NOT NEW.`deleted` OR OLD.`submitted_at` IS NOT NEW.`submitted_at`
BEGIN
  DELETE FROM `monitoring_round_lights` WHERE `round_id` IN (OLD.`round_id`, NEW.`round_id`);
END;--> statement-breakpoint
CREATE TRIGGER `monitoring_round_lights_sheet_delete` AFTER DELETE ON `monitoring_sheets`
BEGIN
  DELETE FROM `monitoring_round_lights` WHERE `round_id` = OLD.`round_id`;
END;
