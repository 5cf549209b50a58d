-- 0001: the registry's tables. Applied in one transaction by SqliteMigrator; schema_migrations records it.
-- Conventions: timestamps are INTEGER Unix epoch milliseconds (UTC); enums are stored as their wire names
-- ('ACTIVE', 'BACKWARD', 'IMPORT') so the file reads well in the sqlite3 shell; empty JSON collections are NULL.

-- Content-addressed schemas. AUTOINCREMENT (not plain rowid) so an id is never handed out twice, even if the row
-- with the highest id were ever removed: ids are baked into serialized records and must stay unambiguous.
-- is_alias = 1 marks a row created by IMPORT with an explicit id for content that already had an id (Confluent keeps
-- both ids readable); the partial UNIQUE index keeps exactly one canonical id per content identity, which is the id
-- normal registrations and FindSchema return.
CREATE TABLE schemas (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    schema_type    TEXT    NOT NULL,
    fingerprint    TEXT    NOT NULL,
    references_key TEXT    NOT NULL,          -- '' without references, else SHA-256 (hex) of refs
    refs           TEXT    NULL,              -- JSON [{"name","subject","version"}...] in declaration order
    text           TEXT    NOT NULL,
    is_alias       INTEGER NOT NULL DEFAULT 0 CHECK (is_alias IN (0, 1)),
    created_at     INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_schemas_content ON schemas (schema_type, fingerprint, references_key) WHERE is_alias = 0;

-- One row per (subject, version). A rowid table whose declared PRIMARY KEY becomes a unique index: rows carry
-- metadata and search text, too wide for a WITHOUT ROWID b-tree.
CREATE TABLE versions (
    subject     TEXT    NOT NULL,
    version     INTEGER NOT NULL CHECK (version > 0),
    schema_id   INTEGER NOT NULL REFERENCES schemas (id),
    semver      TEXT    NOT NULL,
    state       TEXT    NOT NULL CHECK (state IN ('DRAFT', 'ACTIVE', 'DEPRECATED', 'ARCHIVED')),
    sunset_at   INTEGER NULL,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    created_at  INTEGER NOT NULL,
    description TEXT    NULL,
    owner       TEXT    NULL,
    tags        TEXT    NULL,                 -- JSON array of strings, as given
    properties  TEXT    NULL,                 -- JSON object of strings
    search_text TEXT    NOT NULL,             -- lower-cased subject, description, owner and tags, for free-text search
    PRIMARY KEY (subject, version)
);
-- Usages of a schema id, already in (subject, version) order; covering, so the table itself is not read.
CREATE INDEX ix_versions_schema ON versions (schema_id, subject, version, deleted);
-- Live versions of a subject, newest first, in O(log n) however many deleted rows sit on top.
CREATE INDEX ix_versions_live ON versions (subject, version) WHERE deleted = 0;
-- Soft-deleted versions: few rows, answers "does this subject have soft-deleted versions" in O(log n).
CREATE INDEX ix_versions_deleted ON versions (subject, version) WHERE deleted = 1;

-- References of each version (copied from its schema), so "who references subject S version V" is an index seek.
CREATE TABLE version_refs (
    subject     TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    ordinal     INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    ref_subject TEXT    NOT NULL,
    ref_version INTEGER NOT NULL,
    PRIMARY KEY (subject, version, ordinal),
    FOREIGN KEY (subject, version) REFERENCES versions (subject, version) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX ix_version_refs_target ON version_refs (ref_subject, ref_version);

-- Tags of each version, lower-cased, for the tag filter of the search.
CREATE TABLE version_tags (
    subject TEXT    NOT NULL,
    version INTEGER NOT NULL,
    tag     TEXT    NOT NULL,
    PRIMARY KEY (subject, version, tag),
    FOREIGN KEY (subject, version) REFERENCES versions (subject, version) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX ix_version_tags_tag ON version_tags (tag, subject, version);

-- One row per subject that has at least one version row, derived from versions by the writer after every change
-- (SqliteCommands.RefreshSubject): listing and searching subjects then costs O(subjects), not O(versions).
CREATE TABLE subjects (
    subject     TEXT    NOT NULL PRIMARY KEY,
    namespace   TEXT    NOT NULL,             -- the part before the last dot, 'default' without one
    max_version INTEGER NOT NULL,             -- highest version row, soft-deleted included
    latest_live INTEGER NULL,                 -- highest non-deleted version; NULL when none
    has_deleted INTEGER NOT NULL CHECK (has_deleted IN (0, 1))
) WITHOUT ROWID;
CREATE INDEX ix_subjects_namespace ON subjects (namespace, subject);

-- Compatibility configuration. scope 0 is the global row (subject ''), scope 1 a subject: the global setting has a
-- key no subject name can collide with, without NULLs in a primary key.
CREATE TABLE configs (
    scope     INTEGER NOT NULL CHECK (scope IN (0, 1)),
    subject   TEXT    NOT NULL,
    level     TEXT    NULL,
    normalize INTEGER NULL CHECK (normalize IN (0, 1)),
    CHECK (scope = 1 OR subject = ''),
    PRIMARY KEY (scope, subject)
) WITHOUT ROWID;

-- Modes, keyed as configs.
CREATE TABLE modes (
    scope   INTEGER NOT NULL CHECK (scope IN (0, 1)),
    subject TEXT    NOT NULL,
    mode    TEXT    NOT NULL CHECK (mode IN ('READWRITE', 'READONLY', 'READONLY_OVERRIDE', 'IMPORT')),
    CHECK (scope = 1 OR subject = ''),
    PRIMARY KEY (scope, subject)
) WITHOUT ROWID;

-- One row per applied command, written in the command's own transaction: the seam where the hash-chained audit
-- log and the event outbox will be fed from.
CREATE TABLE change_log (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    at        INTEGER NOT NULL,
    actor     TEXT    NOT NULL,
    kind      TEXT    NOT NULL,
    subject   TEXT    NULL,
    version   INTEGER NULL,
    schema_id INTEGER NULL,
    detail    TEXT    NOT NULL                -- JSON object
);
CREATE INDEX ix_change_log_subject ON change_log (subject, seq);
