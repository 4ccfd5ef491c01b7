namespace Mlops.Serving.Models;

/// <summary>A source that always serves the same model: a folder given on the command line, or the baseline alone.</summary>
public sealed class FixedModelSource(ServedModel model) : IModelSource
{
    public string Description => model.Origin;

    public long Revision() => model.Revision;

    public ServedModel Load() => model;
}
