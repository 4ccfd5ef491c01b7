using System.Text.Json.Serialization;

namespace Mlops.Core.Problems;

/// <summary>
/// The talk's rule model as data: rules tried in order, the first whose conditions all hold names the
/// class; <see cref="Otherwise"/> when none does. Without <see cref="Otherwise"/> the training data's
/// most frequent class answers (see <see cref="RuleModel"/>).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FallbackRules
{
    public IReadOnlyList<FallbackRuleDefinition> Rules { get; init; } = [];

    /// <summary>The class (by name) when no rule matches.</summary>
    public string? Otherwise { get; init; }

    /// <summary>
    /// Fixed ranges of numeric features (the talk's age 10 – 150, power 50 – 250): a request outside goes to
    /// the fallback. A feature without one keeps the default, the range seen in training.
    /// </summary>
    public IReadOnlyDictionary<string, Models.FeatureRange>? Ranges { get; init; }
}

/// <summary>One rule: when every condition on a feature holds, the class <see cref="Then"/> (by name).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FallbackRuleDefinition
{
    /// <summary>Conditions by feature name; all must hold. Empty: the rule always matches.</summary>
    public IReadOnlyDictionary<string, FeatureCondition> When { get; init; } = new Dictionary<string, FeatureCondition>();

    public required string Then { get; init; }
}

/// <summary>
/// A condition on one feature: comparisons for numeric features (<c>above</c>, <c>below</c>,
/// <c>at_least</c>, <c>at_most</c>), <c>equals</c> for binary (0/1) and categorical ones. A missing
/// value satisfies no condition.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FeatureCondition : Interval
{
    [JsonPropertyName("equals")]
    public ColumnValue? EqualTo { get; init; }

    public override string ToString() => EqualTo is { } value ? $"= {value}" : base.ToString();
}
