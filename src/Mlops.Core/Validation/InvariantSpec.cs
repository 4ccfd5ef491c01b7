using System.Text.Json;
using System.Text.Json.Serialization;
using Mlops.Core.Serialization;

namespace Mlops.Core.Validation;

/// <summary>
/// The bounds of the model's invariants, from one versioned file: <c>config/invariants.json</c> at the
/// repository root (the talk's later version), embedded here as the default so every host agrees. A user
/// may override it (<c>mlops validate --spec FILE</c>; <c>config/invariants.seed.json</c> is exactly the
/// seed's <c>validate.py</c>) — changing a requirement is a visible, reviewable act, never a constant
/// edited in code.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record InvariantSpec
{
    private const string ResourceName = "Mlops.Core.Validation.invariants.json";

    private static readonly Lazy<InvariantSpec> DefaultSpec = new(LoadDefault);

    /// <summary>Version of the requirements; reports name it so a result can be traced to its bounds.</summary>
    public required int Version { get; init; }

    public string? Description { get; init; }

    /// <summary>Train and test accuracy must be above this.</summary>
    public required double AccuracyMin { get; init; }

    /// <summary>
    /// Train and test accuracy must be below this: better is suspicious (a leak, a trivial label). Null
    /// (absent) for no upper bound, as the seed's <c>validate.py</c> has none: then there is no such check.
    /// </summary>
    public double? AccuracyMax { get; init; }

    /// <summary>|train − test| accuracy must be below this: more is overfitting.</summary>
    public required double TrainTestGapMax { get; init; }

    /// <summary>Each class's predicted count must be within its expected count (n/k, see <see cref="ClassBalance"/>) · (1 ± this); <see cref="ClassCountBounds"/> says how the ends count.</summary>
    public required double ClassCountTolerance { get; init; }

    /// <summary>How the ends of the class-count band are drawn; <see cref="ClassCountBounds.Band"/> when absent.</summary>
    public ClassCountBounds ClassCountBounds { get; init; } = ClassCountBounds.Band;

    /// <summary>
    /// What a class's expected count is: n/k (<see cref="ClassBalance.Uniform"/>, when absent; the talk's n/3)
    /// or n times the class's share in the labels of the validated data (<see cref="ClassBalance.Reference"/>).
    /// </summary>
    public ClassBalance ClassBalance { get; init; } = ClassBalance.Uniform;

    public required double CertaintyMinAbove { get; init; }

    public required double CertaintyMeanAbove { get; init; }

    public required double CertaintyMaxAbove { get; init; }

    /// <summary>The project's requirements as shipped (the talk's numbers).</summary>
    public static InvariantSpec Default => DefaultSpec.Value;

    public static InvariantSpec LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new InvariantSpecException($"{path}: invariant spec file not found");
        }

        try
        {
            using var stream = File.OpenRead(path);
            return Parse(stream, path);
        }
        catch (IOException e)
        {
            throw new InvariantSpecException($"{path}: cannot read: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InvariantSpecException($"{path}: cannot read: {e.Message}", e);
        }
    }

    /// <summary>Reads a spec; <paramref name="source"/> names it in errors.</summary>
    public static InvariantSpec Parse(Stream json, string source)
    {
        InvariantSpec? spec;
        try
        {
            spec = JsonSerializer.Deserialize<InvariantSpec>(json, MlopsJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvariantSpecException($"{source}: not a valid invariant spec: {e.Message}", e);
        }

        if (spec is null)
        {
            throw new InvariantSpecException($"{source}: not a valid invariant spec: the file holds null");
        }

        spec.Check(source);
        return spec;
    }

    private void Check(string source)
    {
        void Require(bool condition, string problem)
        {
            if (!condition)
            {
                throw new InvariantSpecException($"{source}: {problem}");
            }
        }

        Require(Version >= 1, $"version must be 1 or more, got {Version}");
        foreach (var (name, value) in new[]
        {
            ("accuracy_min", AccuracyMin), ("accuracy_max", AccuracyMax ?? 1), ("train_test_gap_max", TrainTestGapMax),
            ("class_count_tolerance", ClassCountTolerance), ("certainty_min_above", CertaintyMinAbove),
            ("certainty_mean_above", CertaintyMeanAbove), ("certainty_max_above", CertaintyMaxAbove),
        })
        {
            Require(value is >= 0 and <= 1, $"{name} must be between 0 and 1, got {value}");
        }

        Require(AccuracyMax is not { } max || AccuracyMin < max, $"accuracy_min ({AccuracyMin}) must be below accuracy_max ({AccuracyMax})");
        Require(Enum.IsDefined(ClassCountBounds), $"class_count_bounds must be band or python_range, got {ClassCountBounds}");
        Require(Enum.IsDefined(ClassBalance), $"class_balance must be uniform or reference, got {ClassBalance}");
    }

    private static InvariantSpec LoadDefault()
    {
        using var stream = typeof(InvariantSpec).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing from {typeof(InvariantSpec).Assembly.GetName().Name}");
        return Parse(stream, "config/invariants.json (embedded)");
    }
}
