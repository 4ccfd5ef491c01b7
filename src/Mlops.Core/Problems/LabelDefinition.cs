using System.Text.Json.Serialization;

namespace Mlops.Core.Problems;

/// <summary>The column the model predicts and its classes, in their order (probabilities are indexed by it).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record LabelDefinition
{
    public required string Column { get; init; }

    public required IReadOnlyList<ClassDefinition> Classes { get; init; }

    /// <summary>The position of the class written as <paramref name="value"/> in the data, or −1.</summary>
    public int ClassIndex(ColumnValue value)
    {
        for (var i = 0; i < Classes.Count; i++)
        {
            if (Classes[i].Value.Text == value.Text)
            {
                return i;
            }
        }

        return -1;
    }
}
