package store

// migrations upgrade a database in place: migration i (1-based) takes a
// database from user_version i-1 to i. Never edit a migration that has
// shipped; add a new one. The SQL stays within what PostgreSQL also accepts,
// except the search index (FTS5), which a PostgreSQL store replaces with its
// own.
var migrations = []string{
	// 1: the register.
	`CREATE TABLE settings (
		key   TEXT PRIMARY KEY,
		value TEXT NOT NULL
	);
	CREATE TABLE procedures (
		code        TEXT PRIMARY KEY,
		version     INTEGER NOT NULL,
		name        TEXT NOT NULL,
		data        TEXT NOT NULL,
		updated_at  INTEGER NOT NULL
	);
	CREATE TABLE procedure_versions (
		code     TEXT NOT NULL,
		version  INTEGER NOT NULL,
		data     TEXT NOT NULL,
		saved_at INTEGER NOT NULL,
		PRIMARY KEY (code, version)
	);
	CREATE TABLE dossiers (
		n                  INTEGER PRIMARY KEY,
		id                 TEXT NOT NULL UNIQUE,
		code               TEXT NOT NULL UNIQUE,
		agency             TEXT NOT NULL,
		day                INTEGER NOT NULL,
		seq                INTEGER NOT NULL,
		year               INTEGER NOT NULL,
		entry_no           INTEGER NOT NULL,
		book_no            INTEGER NOT NULL,
		procedure_code     TEXT NOT NULL,
		procedure_name     TEXT NOT NULL,
		procedure_version  INTEGER NOT NULL,
		form_set           TEXT NOT NULL,
		field              TEXT NOT NULL DEFAULT '',
		limit_value        INTEGER NOT NULL,
		limit_unit         TEXT NOT NULL,
		applicant_name     TEXT NOT NULL,
		applicant_address  TEXT NOT NULL DEFAULT '',
		applicant_phone    TEXT NOT NULL DEFAULT '',
		applicant_email    TEXT NOT NULL DEFAULT '',
		sets               INTEGER NOT NULL DEFAULT 1,
		documents          TEXT NOT NULL DEFAULT '[]',
		result_method      TEXT NOT NULL,
		handling_unit      TEXT NOT NULL DEFAULT '',
		holder             TEXT NOT NULL DEFAULT '',
		received_by        TEXT NOT NULL DEFAULT '',
		received_at        INTEGER NOT NULL,
		due_at             INTEGER NOT NULL,
		new_due_at         INTEGER,
		state              TEXT NOT NULL,
		forwarded_at       INTEGER,
		done_at            INTEGER,
		returned_at        INTEGER,
		outcome            TEXT NOT NULL DEFAULT '',
		supplement_at      INTEGER,
		supplement_reason  TEXT NOT NULL DEFAULT '',
		resumed_at         INTEGER,
		apology_at         INTEGER,
		apology_reason     TEXT NOT NULL DEFAULT '',
		closed_reason      TEXT NOT NULL DEFAULT '',
		note               TEXT NOT NULL DEFAULT '',
		updated_at         INTEGER NOT NULL,
		UNIQUE (year, entry_no),
		UNIQUE (agency, day, seq)
	);
	CREATE INDEX dossiers_state_n ON dossiers (state, n);
	CREATE INDEX dossiers_open_due ON dossiers (due_at) WHERE state IN ('received','in_progress','done');
	CREATE INDEX dossiers_received ON dossiers (received_at);
	CREATE TABLE events (
		dossier_n  INTEGER NOT NULL REFERENCES dossiers (n),
		seq        INTEGER NOT NULL,
		kind       TEXT NOT NULL,
		at         INTEGER NOT NULL,
		from_unit  TEXT NOT NULL DEFAULT '',
		to_unit    TEXT NOT NULL DEFAULT '',
		actor      TEXT NOT NULL DEFAULT '',
		note       TEXT NOT NULL DEFAULT '',
		outcome    TEXT NOT NULL DEFAULT '',
		state      TEXT NOT NULL,
		PRIMARY KEY (dossier_n, seq)
	);
	CREATE TABLE audit (
		n          INTEGER PRIMARY KEY,
		at         INTEGER NOT NULL,
		actor      TEXT NOT NULL,
		action     TEXT NOT NULL,
		entity     TEXT NOT NULL,
		entity_id  TEXT NOT NULL,
		before     TEXT NOT NULL DEFAULT '',
		after      TEXT NOT NULL DEFAULT ''
	);
	CREATE INDEX audit_entity ON audit (entity, entity_id);`,

	// 2: accent-free search over names, addresses, phones and codes. The
	// folded text is computed in Go (SQLite's unicode61 tokenizer never maps
	// đ to d); the index holds no copy of it. Prefix indexes keep the word
	// being typed (a prefix query) from merging thousands of doclists.
	`CREATE VIRTUAL TABLE dossier_search USING fts5 (
		folded, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', prefix='1 2 3'
	);`,

	// 3: the announced yearly calendar schedules an administrator edits.
	`CREATE TABLE calendar_schedules (
		year        INTEGER PRIMARY KEY,
		data        TEXT NOT NULL,
		updated_at  INTEGER NOT NULL
	);`,

	// 4: letters to citizens and the yearly outgoing-document book. A number
	// once given is never given again (UNIQUE), and the book row remembers the
	// last one even if a letter row were ever lost.
	`CREATE TABLE outgoing_book (
		body  TEXT PRIMARY KEY,
		year  INTEGER NOT NULL,
		last  INTEGER NOT NULL
	);
	CREATE TABLE letters (
		n           INTEGER PRIMARY KEY,
		id          TEXT NOT NULL UNIQUE,
		kind        TEXT NOT NULL,
		dossier_id  TEXT REFERENCES dossiers (id),
		recipient   TEXT NOT NULL,
		address     TEXT NOT NULL DEFAULT '',
		fields      TEXT NOT NULL DEFAULT '{}',
		paragraphs  TEXT NOT NULL DEFAULT '[]',
		status      TEXT NOT NULL,
		year        INTEGER,
		number      INTEGER,
		symbol      TEXT NOT NULL DEFAULT '',
		drafted_at  INTEGER NOT NULL,
		issued_at   INTEGER,
		UNIQUE (year, number)
	);
	CREATE INDEX letters_status ON letters (status, drafted_at);
	CREATE TABLE letter_templates (
		kind        TEXT PRIMARY KEY,
		body        TEXT NOT NULL,
		updated_at  INTEGER NOT NULL
	);`,

	countersMigration,
}

// countersMigration: numbers that must never repeat or skip (the day's code
// sequence, the year's entry number) come from a counter row updated in
// the receiving transaction, so desks receiving at the same moment on a
// shared server queue on the row instead of colliding. A counter is created
// at its first use from the register's own maximum, so no data moves here.
const countersMigration = `CREATE TABLE counters (
		name  TEXT PRIMARY KEY,
		n     BIGINT NOT NULL
	)`

// SchemaVersion is the version a database has after Open.
var SchemaVersion = len(migrations)
