namespace Mlops.Testing.Observability;

/// <summary>The files of the observability stack in <c>deploy/</c>.</summary>
public static class DeployFiles
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "deploy");

    public static string Compose => Path.Combine(Folder, "docker-compose.yml");

    /// <summary>The opt-in on top of <see cref="Compose"/>: the registry in PostgreSQL.</summary>
    public static string ComposePostgres => Path.Combine(Folder, "docker-compose.postgres.yml");

    public static string Dockerfile => Path.Combine(Folder, "Dockerfile");

    public static string DriftDashboard => Path.Combine(Folder, "grafana", "dashboards", "evidently-data-drift.json");

    public static string DashboardsFolder => Path.Combine(Folder, "grafana", "dashboards");

    public static string DatasourceProvisioning => Path.Combine(Folder, "grafana", "provisioning", "datasources", "prometheus.yml");

    public static string DashboardProvisioning => Path.Combine(Folder, "grafana", "provisioning", "dashboards", "mlops.yml");

    public static string PrometheusDocker => Path.Combine(Folder, "prometheus", "prometheus.yml");

    /// <summary>The template for a native Prometheus; see <see cref="PrometheusConfig.RenderNative"/>.</summary>
    public static string PrometheusNativeTemplate => Path.Combine(Folder, "prometheus", "prometheus.native.yml");

    public static string AlertRules => Path.Combine(Folder, "prometheus", "alerts.yml");

    /// <summary>The fleet-wide series the alerts and the dashboard read.</summary>
    public static string RecordingRules => Path.Combine(Folder, "prometheus", "recording-rules.yml");

    /// <summary>The rule files both Prometheus configs load, in their order.</summary>
    public static IReadOnlyList<string> RuleFiles => [RecordingRules, AlertRules];
}
