DROP INDEX `attachments_owner`;--> statement-breakpoint
CREATE INDEX `attachments_owner` ON `attachments` (`owner_id`,`owner_kind`);