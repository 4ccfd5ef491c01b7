using System.Text.Json.Serialization;

namespace Mlops.Core.Problems;

/// <summary>The column the model predicts and its classes, in their order (probabilities are indexed by it).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record LabelDefinition
{
    /// <summary>What answering services call the predicted class (the default).</summary>
    public const string DefaultName = "class";

    public required string Column { get; init; }

    /// <summary>
    /// What the prediction service's answers and metrics call the predicted class, e.g. <c>"risk"</c> for
    /// the talk's <c>{"category":2,"risk":"low"}</c>; null: <see cref="DefaultName"/>. Letters, digits and
    /// <c>_</c>, not starting with a digit (it is a Prometheus label name too).
    /// </summary>
    public string? Name { get; init; }

    /// <summary><see cref="Name"/> or <see cref="DefaultName"/>.</summary>
    [JsonIgnore]
    public string AnswerName => Name ?? DefaultName;

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
