using System.Data.Common;
using Mlops.Core.Models;

namespace Mlops.Core.Registry.Catalog;

/// <summary>The <c>model_versions</c> and <c>artifact_files</c> tables.</summary>
internal static class ModelVersionRows
{
    private const string Columns = "number, stage, artifact_sha256, file_count, size_bytes, registered_at, registered_by, card_json, problem";

    public static ModelVersion? ByNumber(CatalogSession session, int number) =>
        session.Query($"SELECT {Columns} FROM model_versions WHERE number = @number", Map, ("@number", number)).SingleOrDefault();

    public static ModelVersion? ByArtifact(CatalogSession session, string artifactSha256) =>
        session.Query($"SELECT {Columns} FROM model_versions WHERE artifact_sha256 = @sha", Map, ("@sha", artifactSha256)).SingleOrDefault();

    /// <summary>Versions whose artifact hash starts with <paramref name="prefix"/> (lower-case hex).</summary>
    public static List<ModelVersion> ByArtifactPrefix(CatalogSession session, string prefix) =>
        session.Query(
            $"SELECT {Columns} FROM model_versions WHERE substr(artifact_sha256, 1, length(@prefix)) = @prefix ORDER BY number",
            Map,
            ("@prefix", prefix));

    /// <summary>The problem's production model, or null.</summary>
    public static ModelVersion? InProduction(CatalogSession session, string problem) =>
        session.Query(
            $"SELECT {Columns} FROM model_versions WHERE stage = @stage AND problem = @problem ORDER BY number",
            Map,
            ("@stage", CatalogValues.Name(ModelStage.Production)),
            ("@problem", problem)).SingleOrDefault();

    /// <summary>The problems with registered models, by name.</summary>
    public static List<string> Problems(CatalogSession session) =>
        session.Query("SELECT DISTINCT problem FROM model_versions ORDER BY problem", r => r.GetString(0));

    public static List<ModelVersion> All(CatalogSession session) =>
        session.Query($"SELECT {Columns} FROM model_versions ORDER BY number", Map);

    public static int NextNumber(CatalogSession session) =>
        (int)session.Scalar<long>("SELECT COALESCE(MAX(number), 0) + 1 FROM model_versions");

    public static void Insert(CatalogSession session, ModelVersion model, ArtifactManifest manifest)
    {
        session.Execute(
            """
            INSERT INTO model_versions (number, artifact_sha256, problem, stage, file_count, size_bytes, training_data_sha256, card_json, registered_at, registered_by)
            VALUES (@number, @sha, @problem, @stage, @files, @size, @data, @card, @at, @by)
            """,
            ("@number", model.Number),
            ("@sha", model.ArtifactSha256),
            ("@problem", model.Problem),
            ("@stage", CatalogValues.Name(model.Stage)),
            ("@files", model.FileCount),
            ("@size", model.SizeBytes),
            ("@data", model.Card.TrainingDataSha256),
            ("@card", CatalogValues.Json(model.Card)),
            ("@at", CatalogValues.Time(model.RegisteredAt)),
            ("@by", model.RegisteredBy));
        foreach (var file in manifest.Files)
        {
            session.Execute(
                "INSERT INTO artifact_files (artifact_sha256, path, sha256, size_bytes) VALUES (@artifact, @path, @sha, @size)",
                ("@artifact", manifest.Sha256),
                ("@path", file.Path),
                ("@sha", file.Sha256),
                ("@size", file.SizeBytes));
        }
    }

    public static void SetStage(CatalogSession session, int number, ModelStage stage) =>
        session.Execute("UPDATE model_versions SET stage = @stage WHERE number = @number", ("@stage", CatalogValues.Name(stage)), ("@number", number));

    /// <summary>The files recorded for an artifact: what a stored copy must hold, exactly.</summary>
    public static ArtifactManifest Manifest(CatalogSession session, string artifactSha256) =>
        ArtifactManifest.FromFiles(session.Query(
            "SELECT path, sha256, size_bytes FROM artifact_files WHERE artifact_sha256 = @sha",
            r => new ArtifactFile(r.GetString(0), r.GetString(1), r.GetInt64(2)),
            ("@sha", artifactSha256)));

    private static ModelVersion Map(DbDataReader r) => new()
    {
        Number = r.GetInt32(0),
        Stage = CatalogValues.Parse<ModelStage>(r.GetString(1)),
        ArtifactSha256 = r.GetString(2),
        FileCount = r.GetInt32(3),
        SizeBytes = r.GetInt64(4),
        RegisteredAt = CatalogValues.ParseTime(r.GetString(5)),
        RegisteredBy = r.GetString(6),
        Card = CatalogValues.FromJson<ModelCard>(r.GetString(7)),
        Problem = r.GetString(8),
    };
}
