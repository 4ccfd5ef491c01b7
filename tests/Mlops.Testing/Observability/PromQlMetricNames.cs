using System.Text.RegularExpressions;

namespace Mlops.Testing.Observability;

/// <summary>
/// The metric names a PromQL expression reads, as written in a Grafana target or an alert rule.
/// Not a PromQL parser: it removes everything that is not a metric name (strings, label matchers,
/// ranges, grouping clauses, Grafana's <c>$variables</c>, functions and keywords) and keeps the
/// identifiers that remain. Good for the expressions of <c>deploy/</c>, which promtool parses for real.
/// </summary>
public static partial class PromQlMetricNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "by", "without", "on", "ignoring", "group_left", "group_right", "bool",
        "and", "or", "unless", "offset", "inf", "nan",
    };

    public static IReadOnlySet<string> Extract(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var text = GrafanaVariable().Replace(expression, "0");
        text = StringLiteral().Replace(text, "\"\"");
        text = Comment().Replace(text, "");
        text = LabelMatchers().Replace(text, "");
        text = RangeOrSubquery().Replace(text, "");
        text = GroupingClause().Replace(text, " ");
        // Grafana's label_values(metric, label) names a label after the metric: keep only the metric.
        text = LabelValuesWithMetric().Replace(text, " $1 ");
        text = LabelValuesWithoutMetric().Replace(text, " ");

        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match match in Identifier().Matches(text))
        {
            var rest = text.AsSpan(match.Index + match.Length).TrimStart();
            var isCall = !rest.IsEmpty && rest[0] == '(';
            if (!isCall && !Keywords.Contains(match.Value))
            {
                names.Add(match.Value);
            }
        }

        return names;
    }

    [GeneratedRegex(@"\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex GrafanaVariable();

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)*'|`[^`]*`")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"#[^\n]*")]
    private static partial Regex Comment();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex LabelMatchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex RangeOrSubquery();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", RegexOptions.IgnoreCase)]
    private static partial Regex GroupingClause();

    [GeneratedRegex(@"\blabel_values\s*\(\s*([A-Za-z_:][A-Za-z0-9_:]*)\s*,\s*[A-Za-z_][A-Za-z0-9_]*\s*\)")]
    private static partial Regex LabelValuesWithMetric();

    [GeneratedRegex(@"\blabel_values\s*\(\s*[A-Za-z_][A-Za-z0-9_]*\s*\)")]
    private static partial Regex LabelValuesWithoutMetric();

    // Not inside a number or duration (1e5, 0x1f, 5m): no letter, digit, '_', ':' or '.' before it.
    [GeneratedRegex(@"(?<![A-Za-z0-9_:.])[A-Za-z_:][A-Za-z0-9_:]*")]
    private static partial Regex Identifier();
}
