-- Client search that ranks and forgives a slip.
--
-- client_search holds each live client's words, folded as core/search.ts folds
-- them (accents off, umlauts also transcribed: "Müller" is "muller mueller"),
-- surname, first name and the rest in their own columns.
-- client_search_names keeps, per client, the folded name words the ranking
-- looks at and the order ties are shown in; small rows, so ranking thousands of
-- matches reads little.
-- client_search_words is the book's vocabulary: every word of the index, with
-- how many live clients use it (a prefix that starts few words is looked for
-- as those words). client_search_deletions holds each word a slip can lead to
-- with one letter left out: a typed word with one slip shares one of these
-- with the word meant, so candidates are found by exact look-ups. A word no
-- live client uses any more leaves both tables with its last client (an
-- erased client's name stays nowhere).
--
-- The aw_search_* functions are core/search.ts, registered on every connection
-- by db/open.ts before migrating; a tool that opens the book without them can
-- read it but not change a client, which fails rather than leave the index wrong.
DROP TRIGGER client_search_insert;
--> statement-breakpoint
DROP TRIGGER client_search_delete;
--> statement-breakpoint
DROP TRIGGER client_search_update;
--> statement-breakpoint
DROP TABLE client_search;
--> statement-breakpoint
CREATE VIRTUAL TABLE client_search USING fts5(
  client_id UNINDEXED, last_name, first_name, other,
  tokenize = "unicode61 remove_diacritics 2",
  prefix = '2 3'
);
--> statement-breakpoint
-- A deleted row's words are taken out of the index itself, not only marked as gone:
-- an erased client's name must not linger in the index's pages.
INSERT INTO client_search (client_search, rank) VALUES ('secure-delete', 1);
--> statement-breakpoint
CREATE TABLE client_search_names (
  rowid INTEGER PRIMARY KEY,
  last_words TEXT NOT NULL,
  first_words TEXT NOT NULL,
  sort_last TEXT NOT NULL,
  sort_first TEXT NOT NULL
);
--> statement-breakpoint
CREATE TABLE client_search_words (
  word TEXT PRIMARY KEY,
  clients INTEGER NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE client_search_deletions (
  deletion TEXT NOT NULL,
  word TEXT NOT NULL,
  PRIMARY KEY (deletion, word)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TRIGGER client_search_word_added AFTER INSERT ON client_search_words BEGIN
  INSERT INTO client_search_deletions (deletion, word) SELECT value, new.word FROM json_each(aw_search_deletions(new.word));
END;
--> statement-breakpoint
CREATE TRIGGER client_search_word_gone AFTER DELETE ON client_search_words BEGIN
  DELETE FROM client_search_deletions WHERE word = old.word AND deletion IN (SELECT value FROM json_each(aw_search_deletions(old.word)));
END;
--> statement-breakpoint
CREATE TRIGGER client_search_insert AFTER INSERT ON clients WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO client_search (rowid, client_id, last_name, first_name, other)
  VALUES (new.rowid, new.id, aw_search_text(new.last_name), aw_search_text(new.first_name),
    aw_search_text(new.street, new.postal_code, new.city, new.email, new.notes));
  INSERT INTO client_search_names (rowid, last_words, first_words, sort_last, sort_first)
  VALUES (new.rowid, ' ' || aw_search_text(new.last_name) || ' ', ' ' || aw_search_text(new.first_name) || ' ',
    aw_search_sort(new.last_name), aw_search_sort(new.first_name));
  INSERT INTO client_search_words (word, clients)
  SELECT value, 1 FROM json_each(aw_search_vocabulary(new.last_name, new.first_name, new.street, new.postal_code, new.city, new.email, new.notes)) WHERE true
  ON CONFLICT (word) DO UPDATE SET clients = clients + 1;
END;
--> statement-breakpoint
CREATE TRIGGER client_search_delete AFTER DELETE ON clients WHEN old.deleted_at IS NULL BEGIN
  DELETE FROM client_search WHERE rowid = old.rowid;
  DELETE FROM client_search_names WHERE rowid = old.rowid;
  UPDATE client_search_words SET clients = clients - 1
  WHERE word IN (SELECT value FROM json_each(aw_search_vocabulary(old.last_name, old.first_name, old.street, old.postal_code, old.city, old.email, old.notes)));
  DELETE FROM client_search_words WHERE clients <= 0
    AND word IN (SELECT value FROM json_each(aw_search_vocabulary(old.last_name, old.first_name, old.street, old.postal_code, old.city, old.email, old.notes)));
END;
--> statement-breakpoint
-- One trigger for both halves, so the old words always leave before the new ones come
-- (the order of two triggers on one event is not defined). Only when a searched field or
-- the deletion changed: a new last contact does not rewrite the index.
CREATE TRIGGER client_search_update AFTER UPDATE OF last_name, first_name, street, postal_code, city, email, notes, deleted_at ON clients
WHEN new.last_name IS NOT old.last_name OR new.first_name IS NOT old.first_name OR new.street IS NOT old.street
  OR new.postal_code IS NOT old.postal_code OR new.city IS NOT old.city OR new.email IS NOT old.email
  OR new.notes IS NOT old.notes OR new.deleted_at IS NOT old.deleted_at
BEGIN
  DELETE FROM client_search WHERE rowid = old.rowid;
  DELETE FROM client_search_names WHERE rowid = old.rowid;
  UPDATE client_search_words SET clients = clients - 1
  WHERE old.deleted_at IS NULL
    AND word IN (SELECT value FROM json_each(aw_search_vocabulary(old.last_name, old.first_name, old.street, old.postal_code, old.city, old.email, old.notes)));
  DELETE FROM client_search_words WHERE old.deleted_at IS NULL AND clients <= 0
    AND word IN (SELECT value FROM json_each(aw_search_vocabulary(old.last_name, old.first_name, old.street, old.postal_code, old.city, old.email, old.notes)));
  INSERT INTO client_search (rowid, client_id, last_name, first_name, other)
  SELECT new.rowid, new.id, aw_search_text(new.last_name), aw_search_text(new.first_name),
    aw_search_text(new.street, new.postal_code, new.city, new.email, new.notes)
  WHERE new.deleted_at IS NULL;
  INSERT INTO client_search_names (rowid, last_words, first_words, sort_last, sort_first)
  SELECT new.rowid, ' ' || aw_search_text(new.last_name) || ' ', ' ' || aw_search_text(new.first_name) || ' ',
    aw_search_sort(new.last_name), aw_search_sort(new.first_name)
  WHERE new.deleted_at IS NULL;
  INSERT INTO client_search_words (word, clients)
  SELECT value, 1 FROM json_each(aw_search_vocabulary(new.last_name, new.first_name, new.street, new.postal_code, new.city, new.email, new.notes))
  WHERE new.deleted_at IS NULL
  ON CONFLICT (word) DO UPDATE SET clients = clients + 1;
END;
--> statement-breakpoint
-- The book as it is: every live client into the new index.
INSERT INTO client_search (rowid, client_id, last_name, first_name, other)
SELECT rowid, id, aw_search_text(last_name), aw_search_text(first_name), aw_search_text(street, postal_code, city, email, notes)
FROM clients WHERE deleted_at IS NULL;
--> statement-breakpoint
INSERT INTO client_search_names (rowid, last_words, first_words, sort_last, sort_first)
SELECT rowid, ' ' || aw_search_text(last_name) || ' ', ' ' || aw_search_text(first_name) || ' ', aw_search_sort(last_name), aw_search_sort(first_name)
FROM clients WHERE deleted_at IS NULL;
--> statement-breakpoint
INSERT INTO client_search_words (word, clients)
SELECT j.value, count(*) FROM clients c, json_each(aw_search_vocabulary(c.last_name, c.first_name, c.street, c.postal_code, c.city, c.email, c.notes)) j
WHERE c.deleted_at IS NULL GROUP BY j.value;
