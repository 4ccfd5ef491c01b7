using Mlops.Testing.Observability;
using YamlDotNet.RepresentationModel;

namespace Mlops.Deploy.Tests;

/// <summary>
/// The Docker stack read without Docker: every file a container mounts exists where the
/// container's program looks for it, and the services find each other by name and port.
/// </summary>
public sealed class ComposeStackTests
{
    private static readonly YamlMappingNode Services = YamlFile.Load(DeployFiles.Compose).Mapping("services");

    [Fact]
    public void It_runs_the_whole_system()
    {
        Assert.Equal(
            ["init", "monitor", "service", "prometheus", "grafana"],
            Services.Children.Keys.Select(k => k.ToString()));
        Assert.Equal(["8080:8080"], Services.Mapping("service").Scalars("ports"));
        Assert.Equal(["8085:8085"], Services.Mapping("monitor").Scalars("ports"));
        Assert.Equal(["9090:9090"], Services.Mapping("prometheus").Scalars("ports"));
        Assert.Equal(["3000:3000"], Services.Mapping("grafana").Scalars("ports"));
    }

    [Fact]
    public void The_service_forwards_to_the_monitor_which_compares_with_the_generated_reference()
    {
        var service = Services.Mapping("service").Scalars("command").ToList();
        var monitor = Services.Mapping("monitor").Scalars("command").ToList();

        // Listening on every interface of the container, or Prometheus and the service cannot reach them.
        // With the token init made in the volume (a network address needs one), answering the names Prometheus and the service use.
        Assert.Equal(["serve", "--host", "0.0.0.0", "--port", "8080", "--monitor", "http://monitor:8085", "--token-file", "/data/token", "--allowed-host", "service"], service);
        // It estimates the production model's accuracy on each window: init has promoted one before it starts.
        Assert.Equal(["monitor", "--host", "0.0.0.0", "--port", "8085", "--reference", "/data/data/reference.csv", "--model", "production", "--token-file", "/data/token", "--allowed-host", "monitor"], monitor);
        // deploy/init.sh generates the data into /data/data before either starts.
        var init = File.ReadAllLines(Path.Combine(DeployFiles.Folder, "init.sh"));
        Assert.Contains("volume=\"${MLOPS_VOLUME:-/data}\"", init);
        Assert.Contains("data=\"$volume/data\"", init);
        Assert.Contains("token=\"$volume/token\"", init);
        foreach (var name in new[] { "service", "monitor" })
        {
            var dependency = Services.Mapping(name).Mapping("depends_on").Mapping("init");
            Assert.Equal("service_completed_successfully", dependency.Scalar("condition"));
        }
    }

    [Theory]
    [InlineData("prometheus", "prom/prometheus:v")]
    [InlineData("grafana", "grafana/grafana:")]
    public void Third_party_images_are_pinned(string service, string prefix)
    {
        var image = Services.Mapping(service).Scalar("image") ?? "";

        Assert.StartsWith(prefix, image, StringComparison.Ordinal);
        Assert.Matches(@":v?\d+\.\d+\.\d+$", image);
    }

    [Fact]
    public void Prometheus_finds_its_config_and_the_rule_file_beside_it()
    {
        var mounts = Mounts("prometheus");

        Assert.Equal("/etc/prometheus/prometheus.yml", mounts["./prometheus/prometheus.yml"]);
        Assert.Equal("/etc/prometheus/recording-rules.yml", mounts["./prometheus/recording-rules.yml"]);
        Assert.Equal("/etc/prometheus/alerts.yml", mounts["./prometheus/alerts.yml"]);
        Assert.Contains("--config.file=/etc/prometheus/prometheus.yml", Services.Mapping("prometheus").Scalars("command"));
        foreach (var local in mounts.Keys.Where(k => k.StartsWith("./", StringComparison.Ordinal)))
        {
            Assert.True(File.Exists(Path.Combine(DeployFiles.Folder, local)), $"{local} is mounted but does not exist");
        }
    }

    [Fact]
    public void Grafana_loads_the_provisioned_datasource_and_dashboards_and_lets_visitors_view()
    {
        var mounts = Mounts("grafana");
        var environment = Services.Mapping("grafana").Mapping("environment");
        var provider = Assert.Single(YamlFile.Load(DeployFiles.DashboardProvisioning).Sequence("providers").OfType<YamlMappingNode>());
        var datasource = Assert.Single(YamlFile.Load(DeployFiles.DatasourceProvisioning).Sequence("datasources").OfType<YamlMappingNode>());

        Assert.Equal("/etc/grafana/provisioning", mounts["./grafana/provisioning"]);
        Assert.Equal(provider.Mapping("options").Scalar("path"), mounts["./grafana/dashboards"]);
        Assert.Equal("file", provider.Scalar("type"));
        Assert.Equal("http://prometheus:9090", datasource.Scalar("url"));
        Assert.Equal("true", environment.Scalar("GF_AUTH_ANONYMOUS_ENABLED"));
        Assert.Equal("Viewer", environment.Scalar("GF_AUTH_ANONYMOUS_ORG_ROLE"));
        var home = environment.Scalar("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH") ?? "";
        Assert.Equal(DeployFiles.DriftDashboard, Path.Combine(DeployFiles.DashboardsFolder, Path.GetRelativePath(mounts["./grafana/dashboards"], home)));
    }

    [Fact]
    public void The_image_builds_from_the_dotnet_images_and_runs_as_a_non_root_user()
    {
        var lines = File.ReadAllLines(DeployFiles.Dockerfile);

        Assert.Equal(
            ["FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime"],
            lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)));
        Assert.Equal("USER $APP_UID", lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal)));
        Assert.Equal("ENTRYPOINT [\"mlops\"]", lines.Single(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal)));
        var ignored = File.ReadAllLines(Path.Combine(DeployFiles.Folder, "..", ".dockerignore"));
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
    }

    private static Dictionary<string, string> Mounts(string service) =>
        Services.Mapping(service).Scalars("volumes")
            .Select(v => v.Split(':'))
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
}
