using System.Data.Common;

namespace Mlops.Core.Registry.Catalog;

/// <summary>
/// The <c>stage_changes</c> table: the append-only history of every stage change. Sequence numbers are
/// <c>MAX + 1</c> under the catalog's write lock: gap-free on both databases (see <see cref="PostgresCatalog"/>).
/// </summary>
internal static class StageChangeRows
{
    private const string Select =
        "SELECT sequence, version_number, action, from_stage, to_stage, reason, user_name, at, production_revision FROM stage_changes";

    public static List<StageChange> Of(CatalogSession session, int number) =>
        session.Query($"{Select} WHERE version_number = @number ORDER BY sequence", Map, ("@number", number));

    public static List<StageChange> All(CatalogSession session) => session.Query($"{Select} ORDER BY sequence", Map);

    public static void Append(
        CatalogSession session,
        int number,
        StageAction action,
        ModelStage? from,
        ModelStage to,
        string? reason,
        string user,
        DateTimeOffset at,
        long productionRevision) =>
        session.Execute(
            """
            INSERT INTO stage_changes (sequence, version_number, action, from_stage, to_stage, reason, user_name, at, production_revision)
            VALUES ((SELECT COALESCE(MAX(sequence), 0) + 1 FROM stage_changes), @number, @action, @from, @to, @reason, @user, @at, @revision)
            """,
            ("@number", number),
            ("@action", CatalogValues.Name(action)),
            ("@from", from is { } f ? CatalogValues.Name(f) : null),
            ("@to", CatalogValues.Name(to)),
            ("@reason", reason),
            ("@user", user),
            ("@at", CatalogValues.Time(at)),
            ("@revision", productionRevision));

    private static StageChange Map(DbDataReader r) => new()
    {
        Sequence = r.GetInt64(0),
        Version = VersionName.Format(r.GetInt32(1)),
        Action = CatalogValues.Parse<StageAction>(r.GetString(2)),
        From = r.IsDBNull(3) ? null : CatalogValues.Parse<ModelStage>(r.GetString(3)),
        To = CatalogValues.Parse<ModelStage>(r.GetString(4)),
        Reason = r.IsDBNull(5) ? null : r.GetString(5),
        User = r.GetString(6),
        At = CatalogValues.ParseTime(r.GetString(7)),
        ProductionRevision = r.GetInt64(8),
    };
}
