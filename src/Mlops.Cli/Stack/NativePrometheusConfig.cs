namespace Mlops.Cli.Stack;

/// <summary>
/// The native Prometheus configuration of <c>deploy/prometheus</c> (<c>prometheus.native.yml</c> with its
/// recording and alert rules), rendered for the ports <c>mlops up</c> uses — the same rendering as
/// <c>deploy/prometheus/render-native-config.sh</c>. The template is read from the repository the
/// command runs from, so there is one copy of it.
/// </summary>
public static class NativePrometheusConfig
{
    public const string Template = "prometheus.native.yml";

    /// <summary>The rule files the template loads, found beside it.</summary>
    public static IReadOnlyList<string> RuleFiles { get; } = ["recording-rules.yml", "alerts.yml"];

    /// <summary><c>deploy/prometheus</c> of the working directory or of the repository the CLI was built in; null when neither has it.</summary>
    public static string? FindTemplateFolder()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var folder = Path.Combine(dir.FullName, "deploy", "prometheus");
                if (File.Exists(Path.Combine(folder, Template)) && RuleFiles.All(rules => File.Exists(Path.Combine(folder, rules))))
                {
                    return folder;
                }
            }
        }

        return null;
    }

    /// <summary>Writes <c>prometheus.yml</c> and its rule files into <paramref name="outputFolder"/>; returns the configuration's path.</summary>
    public static string Render(string templateFolder, string outputFolder, string serviceTarget, string monitorTarget)
    {
        Directory.CreateDirectory(outputFolder);
        var config = Path.Combine(outputFolder, "prometheus.yml");
        File.WriteAllText(config, File.ReadAllText(Path.Combine(templateFolder, Template))
            .Replace("${SERVICE_TARGET}", serviceTarget, StringComparison.Ordinal)
            .Replace("${MONITOR_TARGET}", monitorTarget, StringComparison.Ordinal));
        foreach (var rules in RuleFiles)
        {
            File.Copy(Path.Combine(templateFolder, rules), Path.Combine(outputFolder, rules), overwrite: true);
        }

        return config;
    }

    /// <summary>The <c>prometheus</c> binary on the PATH, or null.</summary>
    public static string? FindBinary() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "prometheus"))
            .FirstOrDefault(File.Exists);
}
