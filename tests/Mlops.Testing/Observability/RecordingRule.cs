using YamlDotNet.RepresentationModel;

namespace Mlops.Testing.Observability;

/// <summary>One recording rule of <c>deploy/prometheus/recording-rules.yml</c>: the series it records and from what.</summary>
public sealed record RecordingRule(string Group, string Record, string Expression)
{
    /// <summary>The recording rules of a Prometheus rule file (alerting rules are left out).</summary>
    public static IReadOnlyList<RecordingRule> Load(string path)
    {
        var rules = new List<RecordingRule>();
        foreach (var group in YamlFile.Load(path).Sequence("groups").OfType<YamlMappingNode>())
        {
            var groupName = group.Scalar("name") ?? throw new InvalidDataException($"{path}: a rule group has no name");
            foreach (var rule in group.Sequence("rules").OfType<YamlMappingNode>())
            {
                if (rule.Scalar("record") is { } record)
                {
                    rules.Add(new RecordingRule(groupName, record, rule.Scalar("expr") ?? throw new InvalidDataException($"{path}: {record} has no expr")));
                }
            }
        }

        return rules;
    }
}
