-- Instant client search across name, address, email and notes.
-- unicode61 with remove_diacritics folds accents ("muller" finds "Müller");
-- the `spelled` column adds the German transcription ("mueller" finds it too).
CREATE VIRTUAL TABLE client_search USING fts5(
  client_id UNINDEXED, name, address, email, notes, spelled,
  tokenize = "unicode61 remove_diacritics 2",
  prefix = '2 3'
);
--> statement-breakpoint
CREATE TRIGGER client_search_insert AFTER INSERT ON clients WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO client_search (rowid, client_id, name, address, email, notes, spelled)
  VALUES (new.rowid, new.id, new.first_name || ' ' || new.last_name,
    concat_ws(' ', new.street, new.postal_code, new.city), new.email, new.notes,
    replace(replace(replace(replace(replace(replace(replace(lower(new.first_name || ' ' || new.last_name || ' ' || coalesce(new.street, '') || ' ' || coalesce(new.city, '')),
      'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'Ä', 'ae'), 'Ö', 'oe'), 'Ü', 'ue'));
END;
--> statement-breakpoint
CREATE TRIGGER client_search_delete AFTER DELETE ON clients BEGIN
  DELETE FROM client_search WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER client_search_update AFTER UPDATE ON clients BEGIN
  DELETE FROM client_search WHERE rowid = old.rowid;
  INSERT INTO client_search (rowid, client_id, name, address, email, notes, spelled)
  SELECT new.rowid, new.id, new.first_name || ' ' || new.last_name,
    concat_ws(' ', new.street, new.postal_code, new.city), new.email, new.notes,
    replace(replace(replace(replace(replace(replace(replace(lower(new.first_name || ' ' || new.last_name || ' ' || coalesce(new.street, '') || ' ' || coalesce(new.city, '')),
      'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'Ä', 'ae'), 'Ö', 'oe'), 'Ü', 'ue')
  WHERE new.deleted_at IS NULL;
END;
