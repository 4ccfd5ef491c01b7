namespace Mlops.Core.Registry.Catalog;

/// <summary>
/// The <c>production</c> rows (per problem: current version and revision) and the <c>production_line</c>
/// stacks (per problem).
/// </summary>
internal static class ProductionRows
{
    /// <summary>The problem's revision: 0 before its first production model.</summary>
    public static long Revision(CatalogSession session, string problem) =>
        session.Scalar<long?>("SELECT revision FROM production WHERE problem = @problem", ("@problem", problem)) ?? 0;

    /// <summary>The problem's production version number (null when none) and its revision, read together.</summary>
    public static (int? Number, long Revision) Current(CatalogSession session, string problem) =>
        session.Query(
            "SELECT version_number, revision FROM production WHERE problem = @problem",
            r => (r.IsDBNull(0) ? (int?)null : r.GetInt32(0), r.GetInt64(1)),
            ("@problem", problem)).SingleOrDefault((null, 0));

    /// <summary>Makes <paramref name="number"/> the problem's production version at <paramref name="revision"/>.</summary>
    public static void Set(CatalogSession session, string problem, int number, long revision) =>
        session.Execute(
            """
            INSERT INTO production (problem, version_number, revision) VALUES (@problem, @number, @revision)
            ON CONFLICT (problem) DO UPDATE SET version_number = excluded.version_number, revision = excluded.revision
            """,
            ("@problem", problem),
            ("@number", number),
            ("@revision", revision));

    /// <summary>The revision the problem's next change will get: history entries of one change share it.</summary>
    public static long NextRevision(CatalogSession session, string problem) => Revision(session, problem) + 1;

    /// <summary>Every problem's revision, by name.</summary>
    public static Dictionary<string, long> All(CatalogSession session) =>
        session.Query("SELECT problem, revision FROM production ORDER BY problem", r => (Problem: r.GetString(0), Revision: r.GetInt64(1)))
            .ToDictionary(p => p.Problem, p => p.Revision, StringComparer.Ordinal);

    /// <summary>The problems that have a production model, by name.</summary>
    public static List<string> Problems(CatalogSession session) =>
        session.Query("SELECT problem FROM production WHERE version_number IS NOT NULL ORDER BY problem", r => r.GetString(0));

    public static void Push(CatalogSession session, string problem, int number) =>
        session.Execute("INSERT INTO production_line (problem, version_number) VALUES (@problem, @number)", ("@problem", problem), ("@number", number));

    /// <summary>The version a rollback would restore: the one below the top of the problem's production line.</summary>
    public static int? Previous(CatalogSession session, string problem) =>
        session.Query(
            "SELECT version_number FROM production_line WHERE problem = @problem ORDER BY position DESC LIMIT 1 OFFSET 1",
            r => r.GetInt32(0),
            ("@problem", problem)).Cast<int?>().SingleOrDefault();

    /// <summary>Removes the current production version from the top of the problem's line (a rollback).</summary>
    public static void Pop(CatalogSession session, string problem) =>
        session.Execute(
            "DELETE FROM production_line WHERE position = (SELECT MAX(position) FROM production_line WHERE problem = @problem)",
            ("@problem", problem));
}
