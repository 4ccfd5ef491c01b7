namespace Mlops.Core.Registry.Catalog;

/// <summary>The <c>production</c> row (current version and revision) and the <c>production_line</c> stack.</summary>
internal static class ProductionRows
{
    public static long Revision(CatalogSession session) => session.Scalar<long>("SELECT revision FROM production WHERE id = 1");

    /// <summary>The production version number (null when none) and the revision, read together.</summary>
    public static (int? Number, long Revision) Current(CatalogSession session) =>
        session.Query(
            "SELECT version_number, revision FROM production WHERE id = 1",
            r => (r.IsDBNull(0) ? (int?)null : r.GetInt32(0), r.GetInt64(1))).Single();

    /// <summary>Makes <paramref name="number"/> the production version; returns the new revision.</summary>
    public static long Set(CatalogSession session, int number)
    {
        session.Execute("UPDATE production SET version_number = $number, revision = revision + 1 WHERE id = 1", ("$number", number));
        return Revision(session);
    }

    /// <summary>The revision the next change will get: history entries of one change share it.</summary>
    public static long NextRevision(CatalogSession session) => Revision(session) + 1;

    public static void Push(CatalogSession session, int number) =>
        session.Execute("INSERT INTO production_line (version_number) VALUES ($number)", ("$number", number));

    /// <summary>The version a rollback would restore: the one below the top of the production line.</summary>
    public static int? Previous(CatalogSession session) =>
        session.Query("SELECT version_number FROM production_line ORDER BY position DESC LIMIT 1 OFFSET 1", r => r.GetInt32(0)).Cast<int?>().SingleOrDefault();

    /// <summary>Removes the current production version from the top of the line (a rollback).</summary>
    public static void Pop(CatalogSession session) =>
        session.Execute("DELETE FROM production_line WHERE position = (SELECT MAX(position) FROM production_line)");
}
