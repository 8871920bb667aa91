-- Full-text search over the indicator library. The trigram tokenizer matches any part of a Chinese
-- name of three characters or more; shorter queries fall back to LIKE in the service.
CREATE VIRTUAL TABLE `library_indicators_fts` USING fts5(
	name, definition, unit,
	content = 'library_indicators', content_rowid = 'rowid', tokenize = 'trigram'
);
--> statement-breakpoint
INSERT INTO `library_indicators_fts` (rowid, name, definition, unit) SELECT rowid, name, definition, unit FROM `library_indicators`;
--> statement-breakpoint
CREATE TRIGGER `library_indicators_fts_insert` AFTER INSERT ON `library_indicators` BEGIN
	INSERT INTO `library_indicators_fts` (rowid, name, definition, unit) VALUES (new.rowid, new.name, new.definition, new.unit);
END;
--> statement-breakpoint
CREATE TRIGGER `library_indicators_fts_delete` AFTER DELETE ON `library_indicators` BEGIN
	INSERT INTO `library_indicators_fts` (library_indicators_fts, rowid, name, definition, unit) VALUES ('delete', old.rowid, old.name, old.definition, old.unit);
END;
--> statement-breakpoint
CREATE TRIGGER `library_indicators_fts_update` AFTER UPDATE OF name, definition, unit ON `library_indicators` BEGIN
	INSERT INTO `library_indicators_fts` (library_indicators_fts, rowid, name, definition, unit) VALUES ('delete', old.rowid, old.name, old.definition, old.unit);
	INSERT INTO `library_indicators_fts` (rowid, name, definition, unit) VALUES (new.rowid, new.name, new.definition, new.unit);
END;
