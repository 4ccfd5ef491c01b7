using System.Text.Json.Serialization;

namespace Mlops.Core.Problems;

/// <summary>
/// What <c>mlops schema infer</c> saw in a file for one column: information for the user who edits the
/// schema, never a rule (validity bounds are <see cref="ValidityBounds"/>; the fallback's ranges come from training).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ObservedValues
{
    public double? Min { get; init; }

    public double? Max { get; init; }

    public int Missing { get; init; }
}
