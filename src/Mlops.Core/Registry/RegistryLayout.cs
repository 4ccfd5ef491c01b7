namespace Mlops.Core.Registry;

/// <summary>
/// The folders under the registry home. Temporary copies live inside the home so that moving a
/// finished copy into place is a rename on the same file system: atomic, never half a model.
/// </summary>
internal sealed class RegistryLayout
{
    public RegistryLayout(string home)
    {
        Home = Path.GetFullPath(home);
        Catalog = Path.Combine(Home, "registry.db");
        Artifacts = Path.Combine(Home, "artifacts");
        Datasets = Path.Combine(Home, "datasets");
        Temp = Path.Combine(Home, "tmp");
    }

    public string Home { get; }

    /// <summary>The SQLite catalog: versions, stages, validations, datasets, history.</summary>
    public string Catalog { get; }

    /// <summary>Model folders, one per content hash: <c>artifacts/&lt;sha256&gt;/</c>.</summary>
    public string Artifacts { get; }

    /// <summary>Data files, one per content hash: <c>datasets/&lt;sha256&gt;.csv</c>.</summary>
    public string Datasets { get; }

    public string Temp { get; }

    public void CreateFolders()
    {
        Directory.CreateDirectory(Artifacts);
        Directory.CreateDirectory(Datasets);
        Directory.CreateDirectory(Temp);
    }

    /// <summary>A fresh path in the temp folder; nothing exists there yet.</summary>
    public string NewTempPath(string suffix = "") => Path.Combine(Temp, Guid.NewGuid().ToString("N") + suffix);
}
