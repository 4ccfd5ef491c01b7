using System.Data.Common;
using Mlops.Core.Validation;

namespace Mlops.Core.Registry.Catalog;

/// <summary>The <c>validations</c> table: recorded <see cref="ValidationReport"/>s, in the order they were recorded.</summary>
internal static class ValidationRows
{
    private const string Select =
        "SELECT version_number, data_file, data_sha256, passed, checks_json, validated_at, recorded_at, recorded_by FROM validations";

    public static List<ValidationRecord> Of(CatalogSession session, int number) =>
        session.Query($"{Select} WHERE version_number = @number ORDER BY id", Map, ("@number", number));

    /// <summary>The most recently recorded validation: the one the promotion gate judges by.</summary>
    public static ValidationRecord? Latest(CatalogSession session, int number) =>
        session.Query($"{Select} WHERE version_number = @number ORDER BY id DESC LIMIT 1", Map, ("@number", number)).SingleOrDefault();

    public static ValidationRecord Insert(CatalogSession session, int number, ValidationReport report, DateTimeOffset recordedAt, string recordedBy)
    {
        var record = new ValidationRecord
        {
            Version = VersionName.Format(number),
            DataFile = report.DataFile,
            DataSha256 = report.DataSha256,
            Passed = report.Passed,
            Checks = report.Checks,
            ValidatedAt = report.ValidatedAt,
            RecordedAt = recordedAt,
            RecordedBy = recordedBy,
        };
        session.Execute(
            """
            INSERT INTO validations (version_number, data_file, data_sha256, passed, checks_json, validated_at, recorded_at, recorded_by)
            VALUES (@number, @file, @sha, @passed, @checks, @validated, @recorded, @by)
            """,
            ("@number", number),
            ("@file", record.DataFile),
            ("@sha", record.DataSha256),
            ("@passed", record.Passed ? 1 : 0),
            ("@checks", CatalogValues.Json(record.Checks)),
            ("@validated", CatalogValues.Time(record.ValidatedAt)),
            ("@recorded", CatalogValues.Time(recordedAt)),
            ("@by", recordedBy));
        return record;
    }

    private static ValidationRecord Map(DbDataReader r) => new()
    {
        Version = VersionName.Format(r.GetInt32(0)),
        DataFile = r.GetString(1),
        DataSha256 = r.GetString(2),
        Passed = r.GetInt32(3) != 0,
        Checks = CatalogValues.FromJson<List<InvariantCheck>>(r.GetString(4)),
        ValidatedAt = CatalogValues.ParseTime(r.GetString(5)),
        RecordedAt = CatalogValues.ParseTime(r.GetString(6)),
        RecordedBy = r.GetString(7),
    };
}
