namespace Mlops.Core.Registry.Catalog;

/// <summary>
/// The catalog's tables in SQLite: version 1 as first shipped, and the step to version 2 (models per
/// problem) that migrates an existing catalog in place. The database itself enforces the rules that
/// must never break. PostgreSQL's tables are the same, created at version 2: <see cref="PostgresCatalogSchema"/>.
/// </summary>
internal static class CatalogSchema
{
    /// <summary>The version this code writes (<c>PRAGMA user_version</c> in SQLite, <c>registry_schema</c> in PostgreSQL).</summary>
    public const int Version = 2;

    public const string Version1 = """
        CREATE TABLE model_versions (
            number INTEGER PRIMARY KEY,
            artifact_sha256 TEXT NOT NULL UNIQUE,
            stage TEXT NOT NULL CHECK (stage IN ('candidate', 'production', 'archived')),
            file_count INTEGER NOT NULL,
            size_bytes INTEGER NOT NULL,
            training_data_sha256 TEXT NOT NULL,
            card_json TEXT NOT NULL,
            registered_at TEXT NOT NULL,
            registered_by TEXT NOT NULL
        );

        -- Exactly one production model, at most: a second one cannot even be written.
        CREATE UNIQUE INDEX one_production_model ON model_versions (stage) WHERE stage = 'production';

        CREATE TABLE artifact_files (
            artifact_sha256 TEXT NOT NULL REFERENCES model_versions (artifact_sha256),
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size_bytes INTEGER NOT NULL,
            PRIMARY KEY (artifact_sha256, path)
        );

        CREATE TABLE datasets (
            sha256 TEXT PRIMARY KEY,
            file_name TEXT NOT NULL,
            rows INTEGER NOT NULL,
            size_bytes INTEGER NOT NULL,
            statistics_json TEXT NOT NULL,
            registered_at TEXT NOT NULL,
            registered_by TEXT NOT NULL
        );

        CREATE TABLE validations (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            version_number INTEGER NOT NULL REFERENCES model_versions (number),
            data_file TEXT NOT NULL,
            data_sha256 TEXT NOT NULL,
            passed INTEGER NOT NULL,
            checks_json TEXT NOT NULL,
            validated_at TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL
        );
        CREATE INDEX validations_by_version ON validations (version_number, id);

        CREATE TABLE stage_changes (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            version_number INTEGER NOT NULL REFERENCES model_versions (number),
            action TEXT NOT NULL,
            from_stage TEXT,
            to_stage TEXT NOT NULL,
            reason TEXT,
            user_name TEXT NOT NULL,
            at TEXT NOT NULL,
            production_revision INTEGER NOT NULL
        );
        CREATE INDEX stage_changes_by_version ON stage_changes (version_number, sequence);

        -- The production models in the order they went into production; the last row is the current
        -- one. A promotion pushes, a rollback pops: the row below the top is what a rollback restores.
        CREATE TABLE production_line (
            position INTEGER PRIMARY KEY AUTOINCREMENT,
            version_number INTEGER NOT NULL REFERENCES model_versions (number)
        );

        -- One row: the current production version and a revision that grows by one on every change,
        -- so a service can poll for a new production model with one tiny read.
        CREATE TABLE production (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            version_number INTEGER REFERENCES model_versions (number),
            revision INTEGER NOT NULL
        );
        INSERT INTO production (id, version_number, revision) VALUES (1, NULL, 0);
        """;

    /// <summary>
    /// Version 2: every model belongs to a problem, and each problem has its own production model,
    /// production line and revision. Models registered before problems existed are insurance models
    /// (<see cref="Models.ModelCard.ProblemOrInsurance"/>), so existing rows get that problem.
    /// </summary>
    public static string Version2(string legacyProblem) => $"""
        ALTER TABLE model_versions ADD COLUMN problem TEXT NOT NULL DEFAULT '{legacyProblem}';
        DROP INDEX one_production_model;
        -- One production model per problem, at most: a second one cannot even be written.
        CREATE UNIQUE INDEX one_production_model_per_problem ON model_versions (problem) WHERE stage = 'production';

        ALTER TABLE production_line ADD COLUMN problem TEXT NOT NULL DEFAULT '{legacyProblem}';
        CREATE INDEX production_line_by_problem ON production_line (problem, position);

        -- One row per problem that ever had a production model (SQLite cannot change a primary key in place).
        CREATE TABLE production_by_problem (
            problem TEXT PRIMARY KEY,
            version_number INTEGER REFERENCES model_versions (number),
            revision INTEGER NOT NULL
        );
        INSERT INTO production_by_problem (problem, version_number, revision)
            SELECT '{legacyProblem}', version_number, revision FROM production WHERE revision > 0;
        DROP TABLE production;
        ALTER TABLE production_by_problem RENAME TO production;
        """;
}
