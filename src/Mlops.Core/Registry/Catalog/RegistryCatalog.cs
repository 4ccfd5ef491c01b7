namespace Mlops.Core.Registry.Catalog;

/// <summary>
/// Where the catalog lives: SQLite (<see cref="SqliteCatalog"/>, the embedded default) or PostgreSQL
/// (<see cref="PostgresCatalog"/>, shared by replicas on several machines). Both give the same
/// guarantees to the rows code: writes are serialized (one writer at a time, deciding on what it
/// reads), reads see one consistent snapshot.
/// </summary>
internal abstract class RegistryCatalog
{
    /// <summary>Runs <paramref name="work"/> in a write transaction that holds the catalog's write lock from its first read; commits when it returns.</summary>
    public abstract T Write<T>(Func<CatalogSession, T> work);

    /// <summary>Runs <paramref name="work"/> in a read transaction: one consistent snapshot, never blocked by a writer.</summary>
    public abstract T Read<T>(Func<CatalogSession, T> work);
}
