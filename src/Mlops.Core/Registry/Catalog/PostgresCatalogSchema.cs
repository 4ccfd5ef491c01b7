namespace Mlops.Core.Registry.Catalog;

/// <summary>
/// The catalog's tables in PostgreSQL: SQLite's version 2 (<see cref="CatalogSchema"/>) with
/// PostgreSQL's types, so every query of the catalog runs unchanged on both. Integer widths match
/// what the readers ask for (<c>integer</c> where a row is read as <c>int</c>, <c>bigint</c> as <c>long</c>).
/// </summary>
internal static class PostgresCatalogSchema
{
    public const string Create = """
        CREATE TABLE model_versions (
            number integer PRIMARY KEY,
            artifact_sha256 text NOT NULL UNIQUE,
            stage text NOT NULL CHECK (stage IN ('candidate', 'production', 'archived')),
            file_count integer NOT NULL,
            size_bytes bigint NOT NULL,
            training_data_sha256 text NOT NULL,
            card_json text NOT NULL,
            registered_at text NOT NULL,
            registered_by text NOT NULL,
            problem text NOT NULL
        );
        -- One production model per problem, at most: a second one cannot even be written.
        CREATE UNIQUE INDEX one_production_model_per_problem ON model_versions (problem) WHERE stage = 'production';

        CREATE TABLE artifact_files (
            artifact_sha256 text NOT NULL REFERENCES model_versions (artifact_sha256),
            path text NOT NULL,
            sha256 text NOT NULL,
            size_bytes bigint NOT NULL,
            PRIMARY KEY (artifact_sha256, path)
        );

        CREATE TABLE datasets (
            sha256 text PRIMARY KEY,
            file_name text NOT NULL,
            rows integer NOT NULL,
            size_bytes bigint NOT NULL,
            statistics_json text NOT NULL,
            registered_at text NOT NULL,
            registered_by text NOT NULL
        );

        CREATE TABLE validations (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            version_number integer NOT NULL REFERENCES model_versions (number),
            data_file text NOT NULL,
            data_sha256 text NOT NULL,
            passed integer NOT NULL,
            checks_json text NOT NULL,
            validated_at text NOT NULL,
            recorded_at text NOT NULL,
            recorded_by text NOT NULL
        );
        CREATE INDEX validations_by_version ON validations (version_number, id);

        CREATE TABLE stage_changes (
            sequence bigint PRIMARY KEY,
            version_number integer NOT NULL REFERENCES model_versions (number),
            action text NOT NULL,
            from_stage text,
            to_stage text NOT NULL,
            reason text,
            user_name text NOT NULL,
            at text NOT NULL,
            production_revision bigint NOT NULL
        );
        CREATE INDEX stage_changes_by_version ON stage_changes (version_number, sequence);

        CREATE TABLE production_line (
            position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            version_number integer NOT NULL REFERENCES model_versions (number),
            problem text NOT NULL
        );
        CREATE INDEX production_line_by_problem ON production_line (problem, position);

        CREATE TABLE production (
            problem text PRIMARY KEY,
            version_number integer REFERENCES model_versions (number),
            revision bigint NOT NULL
        );

        CREATE TABLE registry_schema (version integer NOT NULL);
        """;
}
