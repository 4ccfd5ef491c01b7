using Mlops.Testing.Observability;
using YamlDotNet.RepresentationModel;

namespace Mlops.Deploy.Tests;

/// <summary>
/// The seed's Grafana dashboards name their Prometheus data source by the uid Grafana gave the seed's
/// data source (<c>PBFA97CFB590B2093</c>); a dashboard imports unchanged only if the provisioning
/// gives ours the same uid. Fixtures/seed-style-dashboard.json references it the way they do.
/// </summary>
public sealed class SeedDashboardDatasourceTests
{
    private const string SeedDatasourceUid = "PBFA97CFB590B2093";

    private static string SeedStyleDashboard => Path.Combine(AppContext.BaseDirectory, "Fixtures", "seed-style-dashboard.json");

    [Fact]
    public void A_dashboard_naming_the_seeds_datasource_uid_resolves_against_the_provisioning()
    {
        var provisioned = YamlFile.Load(DeployFiles.DatasourceProvisioning).Sequence("datasources").OfType<YamlMappingNode>()
            .ToDictionary(d => d.Scalar("uid") ?? "", d => d.Scalar("type"), StringComparer.Ordinal);
        var dashboard = GrafanaDashboard.Load(SeedStyleDashboard);

        var referenced = dashboard.Panels.Select(p => p.DatasourceUid)
            .Concat(dashboard.Panels.SelectMany(p => p.Targets).Select(t => t.DatasourceUid))
            .Concat(dashboard.Variables.Select(v => v.DatasourceUid))
            .ToList();
        Assert.NotEmpty(referenced);
        Assert.All(referenced, uid => Assert.Equal(SeedDatasourceUid, uid));
        Assert.True(
            provisioned.TryGetValue(SeedDatasourceUid, out var type),
            $"the seed's dashboards name data source uid {SeedDatasourceUid}; provisioned: {string.Join(", ", provisioned.Keys)}");
        Assert.Equal("prometheus", type);
    }
}
