using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Mlops.Testing.Observability;

/// <summary>One alerting rule of <c>deploy/prometheus/alerts.yml</c>.</summary>
public sealed partial record AlertRule(
    string Group,
    string Name,
    string Expression,
    string? For,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations)
{
    /// <summary>The scrape jobs the expression names, as in <c>up{job="prediction-service"}</c>.</summary>
    public IEnumerable<string> JobNames => JobMatcher().Matches(Expression).Select(m => m.Groups[1].Value);

    /// <summary>The alerting rules of a Prometheus rule file (recording rules are left out).</summary>
    public static IReadOnlyList<AlertRule> Load(string path)
    {
        var rules = new List<AlertRule>();
        foreach (var group in YamlFile.Load(path).Sequence("groups").OfType<YamlMappingNode>())
        {
            var groupName = group.Scalar("name") ?? throw new InvalidDataException($"{path}: a rule group has no name");
            foreach (var rule in group.Sequence("rules").OfType<YamlMappingNode>())
            {
                if (rule.Scalar("alert") is not { } name)
                {
                    continue;
                }

                rules.Add(new AlertRule(
                    groupName,
                    name,
                    rule.Scalar("expr") ?? throw new InvalidDataException($"{path}: alert {name} has no expr"),
                    rule.Scalar("for"),
                    StringMap(rule, "labels"),
                    StringMap(rule, "annotations")));
            }
        }

        return rules;
    }

    private static Dictionary<string, string> StringMap(YamlMappingNode rule, string key) =>
        rule.Get(key) is YamlMappingNode map
            ? map.Children.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    [GeneratedRegex("job=\"([^\"]+)\"")]
    private static partial Regex JobMatcher();
}
