using System.Text.Json;
using Mlops.Testing;
using Mlops.Testing.Observability;
using Mlops.Testing.Services;

namespace Mlops.Deploy.Tests.Kubernetes;

/// <summary>
/// The monitor's and the service's pods of deploy/k8s/base, run on this machine as the kubelet
/// would run them: the rendered arguments and environment, Secrets and $(VAR) expanded, the
/// volumes as folders (the ConfigMap's files written out, the data volume as mlops-init leaves
/// it), the pod's IP as loopback, Service names resolved to the local processes. Only the port
/// changes (a free one). Then the probes and the scrape path must answer, and the monitor must
/// take the rows the service forwards with the Secret's token.
/// </summary>
public sealed class KubernetesPodTests
{
    /// <summary>The test's PostgreSQL (scripts/start-postgres.sh) stands in for the Secret's placeholder.</summary>
    public const string PostgresVariable = "MLOPS_TEST_POSTGRES";

    [Fact]
    public async Task The_monitor_and_service_pods_start_and_answer_their_probes_and_scrapes()
    {
        Assert.False(
            string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)),
            $"{PostgresVariable} is not set: run ./test.sh, which starts PostgreSQL with scripts/start-postgres.sh (eval \"$(scripts/start-postgres.sh)\" before dotnet test works too)");
        // A schema of its own: the registry and the prediction log the Secret points to start empty.
        using var scratch = new PostgresScratchSchema();
        var postgres = scratch.ConnectionString;
        var manifests = await Kustomize.RenderAsync(Kustomize.Base);
        using var node = new TemporaryDirectory("mlops-k8s-node");
        var volumes = Volumes(manifests, node.Path);
        var secrets = new Dictionary<(string, string), string>
        {
            [("mlops-postgres", "connection")] = postgres!,
            [("mlops-token", "token")] = Convert.ToBase64String(Guid.NewGuid().ToByteArray()),
        };
        var services = new Dictionary<string, string>(StringComparer.Ordinal);

        await using var monitor = await StartAsync(manifests, "mlops-monitor", volumes, secrets, services);
        services[$"http://mlops-monitor:{ServicePort(manifests, "mlops-monitor")}"] = monitor.Url;
        await using var service = await StartAsync(manifests, "mlops-service", volumes, secrets, services);

        foreach (var (name, process) in new[] { ("mlops-monitor", monitor), ("mlops-service", service) })
        {
            var pod = PodTemplate.Of(manifests.Single("Deployment", name));
            var container = pod.Containers[0];
            foreach (var path in new[] { container.Readiness!.Path, container.Liveness!.Path, pod.Annotations["prometheus.io/path"] })
            {
                using var response = await process.Http.GetAsync(path.TrimStart('/'));
                Assert.True(response.IsSuccessStatusCode, $"{name}: GET {path} answered {(int)response.StatusCode}\n{process.Output}");
            }

            var metrics = PrometheusExposition.MetricNames(await process.Http.GetStringAsync(pod.Annotations["prometheus.io/path"].TrimStart('/')));
            var contract = name == "mlops-service" ? ExportedMetrics.Service : ExportedMetrics.Monitor;
            Assert.NotEmpty(metrics.Intersect(contract));
        }

        // An answer reaches the monitor: forwarded to its Service name, with the token it shares.
        using var answer = await service.Http.PostAsync("predict", new StringContent(
            """{"training":1,"age":40,"emergency_braking":1,"braking_distance":40,"power":100,"miles":20}""",
            System.Text.Encoding.UTF8,
            "application/json"));
        Assert.True(answer.IsSuccessStatusCode, $"POST /predict answered {(int)answer.StatusCode}\n{service.Output}");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await monitor.Http.GetStringAsync("metrics")).Contains("mlops_rows_received_total{dataset_name=\"insurance\"} 1", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the monitor did not receive the forwarded row\n{service.Output}\n{monitor.Output}");
            await Task.Delay(100);
        }

        // The Secret reached the prediction log through $(MLOPS_POSTGRES_CONNECTION), and the
        // monitor's Service name reached the forwarder.
        using var health = JsonDocument.Parse(await service.Http.GetStringAsync("health"));
        Assert.StartsWith("postgres:", health.RootElement.GetProperty("prediction_log").GetProperty("target").GetString(), StringComparison.Ordinal);
        Assert.Equal("ok", health.RootElement.GetProperty("prediction_log").GetProperty("state").GetString());
        Assert.StartsWith(monitor.Url, health.RootElement.GetProperty("monitor").GetProperty("endpoint").GetString(), StringComparison.Ordinal);
        // The registry is the one in PostgreSQL (MLOPS_REGISTRY from the Secret): no SQLite catalog in the pod's cache.
        Assert.False(File.Exists(Path.Combine(volumes["registry-cache"], "registry.db")), "the service opened a SQLite registry in its cache");
        Assert.Equal(1, scratch.ExecuteInSchema("UPDATE registry_schema SET version = version"));
        // The monitor read config/monitor.json from the ConfigMap's files, with the generated reference.
        Assert.Contains("insurance", await monitor.Http.GetStringAsync("ping"), StringComparison.Ordinal);
    }

    /// <summary>Each volume of the pods as a folder of this machine: the data volume as mlops-init leaves it, ConfigMaps written out.</summary>
    private static Dictionary<string, string> Volumes(RenderedManifests manifests, string root)
    {
        var folders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, pod) in manifests.Pods())
        {
            foreach (var (name, (source, node)) in pod.Volumes)
            {
                var folder = Path.Combine(root, name);
                if (folders.TryAdd(name, folder))
                {
                    Directory.CreateDirectory(folder);
                    if (source == "emptyDir")
                    {
                        // Empty at the pod's start: the service's registry cache.
                    }
                    else if (source == "configMap")
                    {
                        var configMap = manifests.Single("ConfigMap", node.Scalar("name") ?? "");
                        foreach (var (file, text) in PodTemplate.StringMap(configMap.Get("data")))
                        {
                            File.WriteAllText(Path.Combine(folder, file), text);
                        }
                    }
                    else
                    {
                        // What deploy/init.sh leaves on the volume, less the model: the service then answers with the baseline.
                        Directory.CreateDirectory(Path.Combine(folder, "data"));
                        File.Copy(RepositoryPaths.SeedMonth(0), Path.Combine(folder, "data", "reference.csv"));
                        File.WriteAllText(Path.Combine(folder, ".initialized"), "test");
                    }
                }
            }
        }

        return folders;
    }

    private static async Task<ServiceProcess> StartAsync(
        RenderedManifests manifests,
        string deployment,
        Dictionary<string, string> volumes,
        Dictionary<(string Secret, string Key), string> secrets,
        Dictionary<string, string> services)
    {
        var container = PodTemplate.Of(manifests.Single("Deployment", deployment)).Containers[0];
        string Local(string value)
        {
            foreach (var (volume, mountPath) in container.Mounts)
            {
                if (value == mountPath || value.StartsWith(mountPath + "/", StringComparison.Ordinal))
                {
                    return volumes[volume] + value[mountPath.Length..];
                }
            }

            return services.TryGetValue(value, out var url) ? url : value;
        }

        string Resolve(EnvironmentVariable v) =>
            v.Value is not null ? Local(v.Value)
            : v.FieldPath == "status.podIP" ? "127.0.0.1"
            : v.FieldPath == "metadata.namespace" ? "mlops"
            : secrets[secrets.Keys.Single(k => v.SecretName!.StartsWith(k.Secret + "-", StringComparison.Ordinal) && k.Key == v.SecretKey)];
        // In order, as the kubelet does: a value's $(NAME) takes a variable defined before it.
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in container.Environment)
        {
            environment[variable.Name] = Container.Expand(Resolve(variable), environment);
        }

        var args = container.ExpandedArgs(environment).Select(Local).ToList();
        // ServiceProcess gives it a free port. The --host stays: on a network address the service
        // must find its token, or it refuses to start.
        var port = args.IndexOf("--port");
        args.RemoveRange(port, 2);
        return await ServiceProcess.StartAsync(args[0], environment, [.. args.Skip(1)]);
    }

    private static string ServicePort(RenderedManifests manifests, string service) =>
        manifests.Single("Service", service).Mapping("spec").Sequence("ports").OfType<YamlDotNet.RepresentationModel.YamlMappingNode>().Single().Scalar("port")
            ?? throw new InvalidDataException($"Service {service} has no port");
}
