using System.Text.Json.Serialization;

namespace Mlops.Core.Problems;

/// <summary>One class of the label: the value written in the data (<c>0</c>) and the name people read (<c>"high"</c>).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ClassDefinition
{
    public required ColumnValue Value { get; init; }

    public required string Name { get; init; }
}
