namespace Mlops.Testing.Observability;

/// <summary>
/// Prometheus configurations of <c>deploy/prometheus</c> made ready to run. The same rendering as
/// <c>deploy/prometheus/render-native-config.sh</c>, for tests that start a real Prometheus next to
/// the services on free loopback ports.
/// </summary>
public static class PrometheusConfig
{
    public const string ServiceTargetPlaceholder = "${SERVICE_TARGET}";

    public const string MonitorTargetPlaceholder = "${MONITOR_TARGET}";

    /// <summary>
    /// Writes <c>prometheus.yml</c> (the native template with the two scrape targets filled in, e.g.
    /// <c>127.0.0.1:41234</c>) and copies of the rule files it loads into
    /// <paramref name="outputDirectory"/>. Returns the path of the configuration file.
    /// </summary>
    public static string RenderNative(string outputDirectory, string serviceTarget, string monitorTarget)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceTarget);
        ArgumentException.ThrowIfNullOrWhiteSpace(monitorTarget);
        Directory.CreateDirectory(outputDirectory);
        var template = File.ReadAllText(DeployFiles.PrometheusNativeTemplate);
        if (!template.Contains(ServiceTargetPlaceholder, StringComparison.Ordinal)
            || !template.Contains(MonitorTargetPlaceholder, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{DeployFiles.PrometheusNativeTemplate}: the target placeholders are missing");
        }

        var config = Path.Combine(outputDirectory, "prometheus.yml");
        File.WriteAllText(config, template
            .Replace(ServiceTargetPlaceholder, serviceTarget, StringComparison.Ordinal)
            .Replace(MonitorTargetPlaceholder, monitorTarget, StringComparison.Ordinal));
        foreach (var rules in DeployFiles.RuleFiles)
        {
            File.Copy(rules, Path.Combine(outputDirectory, Path.GetFileName(rules)), overwrite: true);
        }

        return config;
    }
}
