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

	// calendar: the variant of a procedure's time limit chosen at reception
	// (e.g. "xac-minh"), and for each year the fingerprint of the working
	// days the register's due dates were last checked against, so that a
	// corrected schedule is offered for review instead of applied silently.
	`ALTER TABLE dossiers ADD COLUMN variant TEXT NOT NULL DEFAULT '';
	CREATE TABLE calendar_reconciled (
		year           INTEGER PRIMARY KEY,
		fingerprint    TEXT NOT NULL,
		reconciled_at  BIGINT NOT NULL
	);`,

	// reports: the channel a dossier was received through (counter, post,
	// online; older dossiers were all taken at the counter), and an index
	// so a period's returned dossiers are found without a table scan.
	`ALTER TABLE dossiers ADD COLUMN channel TEXT NOT NULL DEFAULT 'counter';
	CREATE INDEX dossiers_returned ON dossiers (returned_at) WHERE returned_at IS NOT NULL;`,

	// bundles: signed bundles for the upper level (docs/bundle-format.md). The
	// commune side keeps its signing keys (sealed under a passphrase), the
	// counter of bundle numbers and the chain of bundles it made; the upper
	// level keeps registered communes, the bundles it imported and the
	// communes' records keyed by (agency, id), so two communes' codes never
	// collide. upper_records holds every other kind of record file.
	// upper_keys remembers a commune's earlier keys, each valid for the
	// bundles numbered before the one that rotated it away.
	`CREATE TABLE signing_keys (
		key_id      TEXT PRIMARY KEY,
		public_key  TEXT NOT NULL,
		sealed      TEXT NOT NULL,
		rotation    TEXT NOT NULL DEFAULT '',
		created_at  BIGINT NOT NULL,
		retired_at  BIGINT
	);
	CREATE TABLE bundle_counter (
		name  TEXT PRIMARY KEY,
		n     BIGINT NOT NULL
	);
	INSERT INTO bundle_counter (name, n) VALUES ('export', 0);
	CREATE TABLE bundle_exports (
		seq          BIGINT PRIMARY KEY,
		bundle_id    TEXT NOT NULL UNIQUE,
		period_from  TEXT NOT NULL,
		period_to    TEXT NOT NULL,
		key_id       TEXT NOT NULL,
		records      BIGINT NOT NULL,
		created_at   BIGINT NOT NULL
	);
	CREATE INDEX dossiers_updated ON dossiers (updated_at);
	CREATE TABLE upper_communes (
		agency         TEXT PRIMARY KEY,
		name           TEXT NOT NULL,
		key_id         TEXT NOT NULL,
		public_key     TEXT NOT NULL,
		registered_at  BIGINT NOT NULL,
		updated_at     BIGINT NOT NULL
	);
	CREATE TABLE upper_keys (
		agency          TEXT NOT NULL REFERENCES upper_communes (agency),
		key_id          TEXT NOT NULL,
		public_key      TEXT NOT NULL,
		registered_at   BIGINT NOT NULL,
		replaced_at_seq BIGINT,
		PRIMARY KEY (agency, key_id)
	);
	CREATE TABLE upper_bundles (
		agency       TEXT NOT NULL REFERENCES upper_communes (agency),
		seq          BIGINT NOT NULL,
		bundle_id    TEXT NOT NULL UNIQUE,
		previous     TEXT NOT NULL,
		period_from  TEXT NOT NULL,
		period_to    TEXT NOT NULL,
		key_id       TEXT NOT NULL,
		records      BIGINT NOT NULL,
		changed      BIGINT NOT NULL,
		created_at   BIGINT NOT NULL,
		imported_at  BIGINT NOT NULL,
		PRIMARY KEY (agency, seq)
	);
	CREATE TABLE upper_dossiers (
		agency          TEXT NOT NULL,
		id              TEXT NOT NULL,
		code            TEXT NOT NULL,
		procedure_code  TEXT NOT NULL,
		state           TEXT NOT NULL,
		outcome         TEXT NOT NULL,
		received_at     BIGINT NOT NULL,
		due_at          BIGINT NOT NULL,
		returned_at     BIGINT,
		updated_at      BIGINT NOT NULL,
		data            TEXT NOT NULL,
		PRIMARY KEY (agency, id)
	);
	CREATE INDEX upper_dossiers_received ON upper_dossiers (agency, received_at);
	CREATE INDEX upper_dossiers_returned ON upper_dossiers (agency, returned_at);
	CREATE TABLE upper_letters (
		agency      TEXT NOT NULL,
		id          TEXT NOT NULL,
		kind        TEXT NOT NULL,
		status      TEXT NOT NULL,
		drafted_at  BIGINT NOT NULL,
		issued_at   BIGINT,
		updated_at  BIGINT NOT NULL,
		data        TEXT NOT NULL,
		PRIMARY KEY (agency, id)
	);
	CREATE TABLE upper_records (
		agency      TEXT NOT NULL,
		kind        TEXT NOT NULL,
		id          TEXT NOT NULL,
		updated_at  BIGINT NOT NULL,
		data        TEXT NOT NULL,
		PRIMARY KEY (agency, kind, id)
	);`,

	// people 1: the staff register (cán bộ, công chức). Days are unix
	// seconds of midnight, Vietnam time; end_on is NULL while the member
	// still works. role is the basis of permissions; an accounts feature adds
	// its password hash column here with ALTER TABLE.
	`CREATE TABLE staff (
		id          TEXT PRIMARY KEY,
		name        TEXT NOT NULL,
		title       TEXT NOT NULL DEFAULT '',
		unit        TEXT NOT NULL DEFAULT '',
		role        TEXT NOT NULL,
		phone       TEXT NOT NULL DEFAULT '',
		email       TEXT NOT NULL DEFAULT '',
		start_on    BIGINT NOT NULL,
		end_on      BIGINT,
		created_at  BIGINT NOT NULL,
		updated_at  BIGINT NOT NULL
	);
	CREATE INDEX staff_role ON staff (role, end_on);`,

	// people 2: pledges signed each year, the scanned signed paper (base64
	// TEXT rather than BLOB, which PostgreSQL spells BYTEA; capped at 2 MiB
	// by internal/people), and violations or praise noted on staff.
	`CREATE TABLE pledge_signings (
		id           TEXT PRIMARY KEY,
		staff_id     TEXT NOT NULL REFERENCES staff (id),
		year         INTEGER NOT NULL,
		signed_on    BIGINT NOT NULL,
		sets         TEXT NOT NULL,
		scan_name    TEXT NOT NULL DEFAULT '',
		scan_type    TEXT NOT NULL DEFAULT '',
		scan_size    INTEGER NOT NULL DEFAULT 0,
		scan_sha256  TEXT NOT NULL DEFAULT '',
		created_at   BIGINT NOT NULL,
		updated_at   BIGINT NOT NULL,
		UNIQUE (staff_id, year)
	);
	CREATE INDEX pledge_signings_year ON pledge_signings (year);
	CREATE TABLE pledge_scans (
		signing_id  TEXT PRIMARY KEY REFERENCES pledge_signings (id),
		data        TEXT NOT NULL,
		created_at  BIGINT NOT NULL,
		updated_at  BIGINT NOT NULL
	);
	CREATE TABLE staff_notes (
		id          TEXT PRIMARY KEY,
		staff_id    TEXT NOT NULL REFERENCES staff (id),
		kind        TEXT NOT NULL,
		noted_on    BIGINT NOT NULL,
		source      TEXT NOT NULL,
		text        TEXT NOT NULL,
		created_at  BIGINT NOT NULL,
		updated_at  BIGINT NOT NULL
	);
	CREATE INDEX staff_notes_staff ON staff_notes (staff_id, noted_on);`,

	// people 3: how and when an issued letter was sent, and the letters the
	// window proposed for a dossier (one proposal per dossier and kind, so a
	// letter is never proposed twice for one event).
	`CREATE TABLE letter_sendings (
		id          TEXT PRIMARY KEY,
		letter_id   TEXT NOT NULL UNIQUE REFERENCES letters (id),
		how         TEXT NOT NULL,
		sent_at     BIGINT NOT NULL,
		created_at  BIGINT NOT NULL,
		updated_at  BIGINT NOT NULL
	);
	CREATE INDEX letter_sendings_sent ON letter_sendings (sent_at);
	CREATE TABLE letter_proposals (
		id          TEXT PRIMARY KEY,
		dossier_id  TEXT NOT NULL REFERENCES dossiers (id),
		kind        TEXT NOT NULL,
		moment      TEXT NOT NULL,
		proposed_at BIGINT NOT NULL,
		created_at  BIGINT NOT NULL,
		updated_at  BIGINT NOT NULL,
		UNIQUE (dossier_id, kind)
	);`,

	// people 4: satisfaction ratings, one per returned dossier (UNIQUE);
	// returned_at is copied from the dossier so a period's ratings are read
	// without touching the register. SIPAS scores are 1-5, 0 when not asked.
	`CREATE TABLE ratings (
		id               TEXT PRIMARY KEY,
		dossier_id       TEXT NOT NULL UNIQUE REFERENCES dossiers (id),
		dossier_code     TEXT NOT NULL,
		returned_at      BIGINT NOT NULL,
		level            INTEGER NOT NULL,
		sipas_access     INTEGER NOT NULL DEFAULT 0,
		sipas_procedure  INTEGER NOT NULL DEFAULT 0,
		sipas_staff      INTEGER NOT NULL DEFAULT 0,
		sipas_result     INTEGER NOT NULL DEFAULT 0,
		sipas_feedback   INTEGER NOT NULL DEFAULT 0,
		comment          TEXT NOT NULL DEFAULT '',
		channel          TEXT NOT NULL,
		captured_by      TEXT NOT NULL,
		rated_at         BIGINT NOT NULL,
		created_at       BIGINT NOT NULL,
		updated_at       BIGINT NOT NULL
	);
	CREATE INDEX ratings_returned ON ratings (returned_at);`,

	// people 5: citizens' feedback and petitions (phản ánh, kiến nghị),
	// numbered per year from a counter row; accepted is NULL until the
	// citizen's reaction is known, then 1 or 0.
	`CREATE TABLE people_counters (
		name  TEXT PRIMARY KEY,
		n     INTEGER NOT NULL
	);
	CREATE TABLE feedback (
		id           TEXT PRIMARY KEY,
		year         INTEGER NOT NULL,
		no           INTEGER NOT NULL,
		received_at  BIGINT NOT NULL,
		channel      TEXT NOT NULL,
		sender       TEXT NOT NULL DEFAULT '',
		contact      TEXT NOT NULL DEFAULT '',
		dossier_id   TEXT REFERENCES dossiers (id),
		staff_id     TEXT REFERENCES staff (id),
		content      TEXT NOT NULL,
		handler      TEXT NOT NULL DEFAULT '',
		due_on       BIGINT NOT NULL,
		answer       TEXT NOT NULL DEFAULT '',
		answered_at  BIGINT,
		accepted     INTEGER,
		created_at   BIGINT NOT NULL,
		updated_at   BIGINT NOT NULL,
		UNIQUE (year, no)
	);
	CREATE INDEX feedback_received ON feedback (received_at);
	CREATE INDEX feedback_due ON feedback (due_on);`,

	// Back-dated steps (entered later from paper records with --at) are
	// marked, so a report can show them apart.
	`ALTER TABLE events ADD COLUMN backdated INTEGER NOT NULL DEFAULT 0;
	ALTER TABLE audit ADD COLUMN backdated_to BIGINT;`,

	// The audit log becomes a hash chain (internal/store/audit.go); the
	// hook links the entries already there.
	`-- hook: chain-audit
	ALTER TABLE audit ADD COLUMN row_hash TEXT NOT NULL DEFAULT '';
	ALTER TABLE audit ADD COLUMN prev TEXT NOT NULL DEFAULT '';
	ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';`,

	// reports: refusals and withdrawals of a period found by when they
	// closed, not by walking every refusal ever made.
	`CREATE INDEX dossiers_state_updated ON dossiers (state, updated_at);`,

	// people 6: dialogue conferences (issues raised as a JSON array) and the
	// commitments made there, each with its owner and deadline.
	`CREATE TABLE dialogues (
		id            TEXT PRIMARY KEY,
		year          INTEGER NOT NULL,
		no            INTEGER NOT NULL,
		held_at       BIGINT NOT NULL,
		place         TEXT NOT NULL,
		chair         TEXT NOT NULL,
		participants  TEXT NOT NULL DEFAULT '',
		attendance    INTEGER NOT NULL DEFAULT 0,
		issues        TEXT NOT NULL DEFAULT '[]',
		note          TEXT NOT NULL DEFAULT '',
		created_at    BIGINT NOT NULL,
		updated_at    BIGINT NOT NULL,
		UNIQUE (year, no)
	);
	CREATE INDEX dialogues_held ON dialogues (held_at);
	CREATE TABLE commitments (
		id           TEXT PRIMARY KEY,
		dialogue_id  TEXT NOT NULL REFERENCES dialogues (id),
		no           INTEGER NOT NULL,
		text         TEXT NOT NULL,
		owner        TEXT NOT NULL,
		deadline_on  BIGINT NOT NULL,
		done_on      BIGINT,
		result       TEXT NOT NULL DEFAULT '',
		created_at   BIGINT NOT NULL,
		updated_at   BIGINT NOT NULL,
		UNIQUE (dialogue_id, no)
	);
	CREATE INDEX commitments_open ON commitments (done_on, deadline_on);`,

	// bundles 2: the upper level counts the communes' ratings, pledges and
	// feedback of a period, so each such record's date (returned, signed,
	// received) and a rating's level are kept beside its JSON.
	`ALTER TABLE upper_records ADD COLUMN at BIGINT;
	ALTER TABLE upper_records ADD COLUMN level INTEGER;
	CREATE INDEX upper_records_at ON upper_records (agency, kind, at);`,

	countersMigration,

	// Accounts: a staff member of the register with a password (argon2id,
	// PHC string) logs in; wrong passwords in a row and the lock they lead to
	// are counted. One row per staff member who has or had a password: the
	// staff table stays the one list of people.
	`CREATE TABLE staff_accounts (
		staff_id      TEXT PRIMARY KEY REFERENCES staff (id),
		password_hash TEXT NOT NULL DEFAULT '',
		failed_logins INTEGER NOT NULL DEFAULT 0,
		locked_until  BIGINT NOT NULL DEFAULT 0,
		updated_at    BIGINT NOT NULL DEFAULT 0
	);`,

	// Letter signers: a letter is signed by the chair or by a vice-chair
	// ("KT. CHỦ TỊCH"), chosen on the draft or fixed when it is issued, and an
	// issued letter keeps who signed it (a reprint must not show today's chair).
	`ALTER TABLE letters ADD COLUMN signer_name TEXT NOT NULL DEFAULT '';
	ALTER TABLE letters ADD COLUMN signer_role TEXT NOT NULL DEFAULT '';
	ALTER TABLE letters ADD COLUMN signer_title TEXT NOT NULL DEFAULT '';`,

	// Dossiers already in the register without an audit line of their own
	// (an older release's demo seeder wrote none) are adopted by one chained
	// audit entry (internal/store/adopt.go), so verify reads them as "có
	// trước nhật ký" rather than added outside the program. No schema
	// change: the statement only carries the hook.
	`-- hook: adopt-unlogged
	SELECT 1;`,

	// PostgreSQL only (dialect_postgres.go, searchFastupdateOff): the search
	// index without a pending list. SQLite: no change.
	searchFastupdateOff,
}

// searchFastupdateOff is a migration that changes nothing on SQLite; on
// PostgreSQL pgMigrations replaces it (keyed by this text).
const searchFastupdateOff = `-- postgres: GIN index dossier_search_words without fastupdate
	SELECT 1;`

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
