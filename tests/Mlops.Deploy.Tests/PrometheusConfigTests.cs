using Mlops.Testing;
using Mlops.Testing.Observability;
using YamlDotNet.RepresentationModel;

namespace Mlops.Deploy.Tests;

public sealed class PrometheusConfigTests
{
    [Fact]
    public async Task The_native_config_rendered_for_free_ports_is_valid_and_scrapes_them()
    {
        using var temp = new TemporaryDirectory();
        var service = $"127.0.0.1:{FreePort.Next()}";
        var monitor = $"127.0.0.1:{FreePort.Next()}";

        var config = PrometheusConfig.RenderNative(temp.Path, service, monitor);

        Assert.DoesNotContain("${", File.ReadAllText(config), StringComparison.Ordinal);
        Assert.Equal(
            [("prediction-service", service), ("drift-monitor", monitor)],
            Targets(config));
        var check = await Promtool.RunAsync("check", "config", config);
        Assert.True(check.ExitCode == 0, check.ToString());
        // The rule files were found beside the config and loaded.
        Assert.Contains($"SUCCESS: {RecordingRule.Load(DeployFiles.RecordingRules).Count} rules found", check.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"SUCCESS: {AlertRule.Load(DeployFiles.AlertRules).Count} rules found", check.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void The_docker_config_scrapes_the_compose_services_on_their_ports()
    {
        var compose = YamlFile.Load(DeployFiles.Compose).Mapping("services");

        var targets = Targets(DeployFiles.PrometheusDocker);

        Assert.Equal(["prediction-service", "drift-monitor"], targets.Select(t => t.Job));
        foreach (var (_, target) in targets)
        {
            var (host, port) = (target.Split(':')[0], target.Split(':')[1]);
            var command = compose.Mapping(host).Scalars("command").ToList();
            var portOption = command.IndexOf("--port");
            Assert.True(portOption >= 0 && command[portOption + 1] == port, $"compose service '{host}' does not listen on {port}: {string.Join(' ', command)}");
        }
    }

    [Fact]
    public void Both_configs_scrape_the_same_jobs_at_the_same_pace()
    {
        var docker = YamlFile.Load(DeployFiles.PrometheusDocker);
        var native = YamlFile.Load(DeployFiles.PrometheusNativeTemplate);

        Assert.Equal(Targets(DeployFiles.PrometheusDocker).Select(t => t.Job), Targets(DeployFiles.PrometheusNativeTemplate).Select(t => t.Job));
        Assert.Equal(docker.Mapping("global").Scalar("scrape_interval"), native.Mapping("global").Scalar("scrape_interval"));
        Assert.Equal(["recording-rules.yml", "alerts.yml"], docker.Scalars("rule_files"));
        Assert.Equal(["recording-rules.yml", "alerts.yml"], native.Scalars("rule_files"));
    }

    private static List<(string Job, string Target)> Targets(string config) =>
        [.. YamlFile.Load(config).Sequence("scrape_configs").OfType<YamlMappingNode>()
            .SelectMany(job => job.Sequence("static_configs").OfType<YamlMappingNode>()
                .SelectMany(s => s.Scalars("targets"))
                .Select(target => (job.Scalar("job_name") ?? "", target)))];
}
