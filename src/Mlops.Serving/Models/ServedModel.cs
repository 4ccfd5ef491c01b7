using Mlops.Core.Models;

namespace Mlops.Serving.Models;

/// <summary>
/// The model the service answers with right now, with everything an answer needs: its card (for the
/// fallback's ranges), its version and where it came from. Immutable: a reload swaps the whole object.
/// </summary>
public sealed class ServedModel
{
    /// <summary>The version the service reports when no trained model is served.</summary>
    public const string BaselineVersion = "baseline";

    private ServedModel(IRiskModel? model, ModelCard? card, string version, string origin, long revision, DateTimeOffset since)
    {
        Model = model;
        Card = card;
        Version = version;
        Origin = origin;
        Revision = revision;
        Since = since;
    }

    /// <summary>The trained model, or null when only the baseline answers.</summary>
    public IRiskModel? Model { get; }

    public ModelCard? Card { get; }

    public string Version { get; }

    /// <summary>Where the model came from, e.g. "registry production", "folder models/v3", "baseline (no production model)".</summary>
    public string Origin { get; }

    /// <summary>The source's revision this model belongs to (see <see cref="IModelSource.Revision"/>).</summary>
    public long Revision { get; }

    /// <summary>When the service started to answer with this model.</summary>
    public DateTimeOffset Since { get; }

    public bool IsBaselineOnly => Model is null;

    public string Trainer => Card?.Trainer ?? BaselineVersion;

    public static ServedModel Trained(IRiskModel model, ModelCard card, string version, string origin, long revision, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(card);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        return new ServedModel(model, card, version, origin, revision, since);
    }

    public static ServedModel BaselineOnly(string origin, long revision, DateTimeOffset since) =>
        new(null, null, BaselineVersion, origin, revision, since);
}
