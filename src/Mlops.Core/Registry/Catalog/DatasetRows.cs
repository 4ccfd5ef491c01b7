using System.Data.Common;
using Mlops.Core.Statistics;

namespace Mlops.Core.Registry.Catalog;

/// <summary>The <c>datasets</c> table.</summary>
internal static class DatasetRows
{
    private const string Columns = "sha256, file_name, rows, size_bytes, statistics_json, registered_at, registered_by";

    public static RegisteredDataset? BySha(CatalogSession session, string sha256) =>
        session.Query($"SELECT {Columns} FROM datasets WHERE sha256 = @sha", Map, ("@sha", sha256)).SingleOrDefault();

    public static List<RegisteredDataset> All(CatalogSession session) =>
        session.Query($"SELECT {Columns} FROM datasets ORDER BY registered_at, sha256", Map);

    public static void Insert(CatalogSession session, RegisteredDataset dataset) =>
        session.Execute(
            $"INSERT INTO datasets ({Columns}) VALUES (@sha, @file, @rows, @size, @stats, @at, @by)",
            ("@sha", dataset.Sha256),
            ("@file", dataset.FileName),
            ("@rows", dataset.Rows),
            ("@size", dataset.SizeBytes),
            ("@stats", CatalogValues.Json(dataset.Statistics)),
            ("@at", CatalogValues.Time(dataset.RegisteredAt)),
            ("@by", dataset.RegisteredBy));

    private static RegisteredDataset Map(DbDataReader r) => new()
    {
        Sha256 = r.GetString(0),
        FileName = r.GetString(1),
        Rows = r.GetInt32(2),
        SizeBytes = r.GetInt64(3),
        Statistics = CatalogValues.FromJson<DatasetStatistics>(r.GetString(4)),
        RegisteredAt = CatalogValues.ParseTime(r.GetString(5)),
        RegisteredBy = r.GetString(6),
    };
}
