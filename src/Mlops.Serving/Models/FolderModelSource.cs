namespace Mlops.Serving.Models;

/// <summary>Serves the model in a folder given on the command line (<c>mlops serve --model models/m1</c>); it never changes.</summary>
public sealed class FolderModelSource(string folder, ModelFolderLoader load, TimeProvider time) : IModelSource
{
    public string Description => $"the model folder {folder}";

    public long Revision() => 0;

    public ServedModel Load()
    {
        var loaded = load(folder);
        // A folder has no registry version: its name stands in (e.g. "m1" for models/m1).
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        return ServedModel.Trained(loaded.Classifier, loaded.Card, name, $"folder {Path.GetFullPath(folder)}", 0, time.GetUtcNow());
    }
}
