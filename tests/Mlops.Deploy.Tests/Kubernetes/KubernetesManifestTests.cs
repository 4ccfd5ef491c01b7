using System.Text;
using Mlops.Core.Registry;
using Mlops.Testing;
using Mlops.Testing.Observability;
using YamlDotNet.RepresentationModel;
using static Mlops.Deploy.Tests.Kubernetes.RenderedManifests;

namespace Mlops.Deploy.Tests.Kubernetes;

/// <summary>
/// deploy/k8s rendered by kustomize and read against the code: the image deploy/Dockerfile builds,
/// the options and environment variables the real CLI accepts, the ports the services listen on,
/// the job names the Prometheus rules read. <see cref="KubernetesPodTests"/> runs the pods' command lines.
/// </summary>
public sealed class KubernetesManifestTests
{
    public static TheoryData<string> Kustomizations => ["base", "overlays/example"];

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task It_renders_the_whole_system(string kustomization)
    {
        var manifests = await Kustomize.RenderAsync(Kustomize.Folder(kustomization));

        string[] system =
        [
            "ConfigMap", "Deployment", "Deployment", "HorizontalPodAutoscaler", "Job", "PersistentVolumeClaim",
            "PodDisruptionBudget", "Secret", "Secret", "Service", "Service",
        ];
        string[] overlay = kustomization == "base" ? [] : ["Ingress", "Namespace", "PrometheusRule", "PrometheusRule", "ServiceMonitor"];
        Assert.Equal(system.Concat(overlay).Order(StringComparer.Ordinal), manifests.Kinds.Order(StringComparer.Ordinal));
        Assert.Equal(1, Replicas(manifests.Single("Deployment", "mlops-monitor")));
        Assert.True(Replicas(manifests.Single("Deployment", "mlops-service")) >= 2, "the prediction service should run several replicas");
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task The_budget_and_the_autoscaler_keep_several_replicas_of_the_service(string kustomization)
    {
        var manifests = await Kustomize.RenderAsync(Kustomize.Folder(kustomization));
        var service = manifests.Single("Deployment", "mlops-service");
        var podLabels = PodTemplate.Of(service).Labels;
        var budget = manifests.Single("PodDisruptionBudget", "mlops-service").Mapping("spec");
        var autoscaler = manifests.Single("HorizontalPodAutoscaler", "mlops-service").Mapping("spec");

        Assert.True(Selects(budget.Mapping("selector").Get("matchLabels"), podLabels), "the disruption budget does not select the service's pods");
        var minAvailable = int.Parse(budget.Scalar("minAvailable") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(minAvailable, 2, Replicas(service) - 1);
        Assert.Equal(("Deployment", "mlops-service"), (autoscaler.Mapping("scaleTargetRef").Scalar("kind"), autoscaler.Mapping("scaleTargetRef").Scalar("name")));
        var min = int.Parse(autoscaler.Scalar("minReplicas") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var max = int.Parse(autoscaler.Scalar("maxReplicas") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Replicas(service), min);
        Assert.True(max > min, $"the autoscaler cannot scale: {min}..{max}");
        // The budget must still allow one voluntary eviction at the smallest size.
        Assert.True(minAvailable < min, $"minAvailable {minAvailable} with {min} replicas blocks every node drain");
        // Never two monitors: a rollout stops the old one first.
        Assert.Equal("Recreate", manifests.Single("Deployment", "mlops-monitor").Mapping("spec").Mapping("strategy").Scalar("type"));
    }

    [Fact]
    public async Task Every_container_has_requests_and_limits()
    {
        var manifests = await Kustomize.RenderAsync(Kustomize.Base);

        Assert.All(manifests.Pods().SelectMany(p => p.Pod.Containers), container =>
        {
            Assert.NotNull(container.Resources);
            foreach (var (kind, resource) in from k in new[] { "requests", "limits" } from r in new[] { "cpu", "memory" } select (k, r))
            {
                Assert.False(string.IsNullOrEmpty((container.Resources!.Get(kind) as YamlMappingNode)?.Scalar(resource)), $"{container.Name} has no {kind}.{resource}");
            }
        });
    }

    [Fact]
    public async Task Every_container_runs_the_image_the_dockerfile_builds()
    {
        var compose = YamlFile.Load(DeployFiles.Compose).Mapping("services").Mapping("service");
        var dockerfile = File.ReadAllText(DeployFiles.Dockerfile);
        var image = compose.Scalar("image") ?? "";
        Assert.Equal("deploy/Dockerfile", compose.Mapping("build").Scalar("dockerfile"));

        var manifests = await Kustomize.RenderAsync(Kustomize.Base);

        var containers = manifests.Pods().SelectMany(p => p.Pod.InitContainers.Concat(p.Pod.Containers)).ToList();
        Assert.All(containers, c => Assert.Equal(image, c.Image));
        // No command: the image's ENTRYPOINT ["mlops"] with the args. The other commands are ones the image has.
        Assert.Contains("ENTRYPOINT [\"mlops\"]", dockerfile, StringComparison.Ordinal);
        Assert.All(containers.Where(c => c.Command.Count > 0), c => Assert.Contains(c.Command[0], new[] { "mlops-init", "sh" }));
        Assert.Contains("COPY --chmod=755 deploy/init.sh /usr/local/bin/mlops-init", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overlay_pulls_the_same_image_from_a_registry()
    {
        var overlay = YamlFile.Load(Path.Combine(Kustomize.ExampleOverlay, "kustomization.yaml"));
        var baseImage = (await Kustomize.RenderAsync(Kustomize.Base)).Pods().First().Pod.Containers[0].Image;
        var rewrite = Assert.Single(overlay.Sequence("images").OfType<YamlMappingNode>());

        var manifests = await Kustomize.RenderAsync(Kustomize.ExampleOverlay);

        Assert.Equal(baseImage.Split(':')[0], rewrite.Scalar("name"));
        var expected = $"{rewrite.Scalar("newName")}:{rewrite.Scalar("newTag")}";
        Assert.All(manifests.Pods().SelectMany(p => p.Pod.InitContainers.Concat(p.Pod.Containers)), c => Assert.Equal(expected, c.Image));
        Assert.All(manifests.Objects.Where(o => Kind(o) != "Namespace"), o => Assert.Equal("mlops", o.Mapping("metadata").Scalar("namespace")));
    }

    [Fact]
    public async Task The_init_containers_wait_for_the_marker_init_sh_writes_and_for_the_production_model()
    {
        var init = File.ReadAllLines(Path.Combine(DeployFiles.Folder, "init.sh"));
        Assert.Contains("marker=\"$volume/.initialized\"", init);
        Assert.Contains("volume=\"${MLOPS_VOLUME:-/data}\"", init);
        Assert.Contains("mlops registry promote \"$version\"", init);
        var manifests = await Kustomize.RenderAsync(Kustomize.Base);
        var job = PodTemplate.Of(manifests.Single("Job", "mlops-init"));
        Assert.Equal(["mlops-init"], Assert.Single(job.Containers).Command);
        Assert.Equal("/data", Assert.Single(job.Containers).Mounts["data"]);

        var monitor = PodTemplate.Of(manifests.Single("Deployment", "mlops-monitor"));
        var marker = Assert.Single(monitor.InitContainers);
        Assert.Equal("sh", marker.Command[0]);
        Assert.Contains("[ -f /data/.initialized ]", marker.Command[^1], StringComparison.Ordinal);
        Assert.Equal("/data", marker.Mounts["data"]);
        Assert.Equal(job.Volumes["data"].Node.Scalar("claimName"), monitor.Volumes["data"].Node.Scalar("claimName"));

        // The replicas wait for what mlops-init promotes, in the registry init registers it in (the same MLOPS_REGISTRY).
        var service = PodTemplate.Of(manifests.Single("Deployment", "mlops-service"));
        var production = Assert.Single(service.InitContainers);
        Assert.Contains("until mlops registry show production ", production.Command[^1], StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s+show\b", await CliHelp.TextAsync("registry"));
        static string? Registry(Container c) => c.Environment.Single(v => v.Name == RegistryLocation.EnvironmentVariable).Value;
        Assert.StartsWith("postgres:", Registry(production), StringComparison.Ordinal);
        Assert.Equal(Registry(production), Registry(service.Containers[0]));
        Assert.Equal(Registry(production), Registry(job.Containers[0]));
    }

    [Fact]
    public async Task Every_option_is_one_the_cli_accepts()
    {
        var manifests = await Kustomize.RenderAsync(Kustomize.Base);

        var mlopsContainers = manifests.Pods().SelectMany(p => p.Pod.Containers).Where(c => c.Command.Count == 0).ToList();
        Assert.Equal(["monitor", "serve"], mlopsContainers.Select(c => c.Args[0]).Order(StringComparer.Ordinal));
        foreach (var container in mlopsContainers)
        {
            var accepted = await CliHelp.OptionsAsync(container.Args[0]);
            var used = container.Args.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(used);
            Assert.All(used, option => Assert.True(accepted.Contains(option), $"mlops {container.Args[0]} has no option {option}; it has {string.Join(' ', accepted.Order())}"));
        }
    }

    [Fact]
    public async Task Every_environment_variable_is_one_the_cli_reads_or_one_an_argument_takes()
    {
        var manifests = await Kustomize.RenderAsync(Kustomize.Base);

        foreach (var container in manifests.Pods().SelectMany(p => p.Pod.Containers))
        {
            var verb = container.Command.Count == 0 ? container.Args[0] : "";
            var named = (await CliHelp.EnvironmentVariablesAsync(verb)).Concat(await CliHelp.EnvironmentVariablesAsync("")).ToHashSet(StringComparer.Ordinal);
            var expanded = container.ArgumentVariables.Concat(container.ValueVariables.Select(v => v.Name)).ToHashSet(StringComparer.Ordinal);
            Assert.All(container.ValueVariables, v => Assert.True(v.DefinedBefore, $"{container.Name}: $({v.Name}) is used before it is defined"));
            Assert.All(container.Environment, variable => Assert.True(
                named.Contains(variable.Name) || expanded.Contains(variable.Name),
                $"{container.Name}: {variable.Name} is neither named by mlops {verb} --help nor used in its arguments"));
            // Kubernetes leaves $(NAME) as it is when NAME is not defined: the CLI would get the text.
            Assert.All(expanded, name => Assert.Contains(name, container.Environment.Select(v => v.Name)));
        }
    }

    [Fact]
    public async Task Probes_and_services_use_the_ports_the_processes_listen_on()
    {
        var manifests = await Kustomize.RenderAsync(Kustomize.Base);

        foreach (var (owner, pod) in manifests.Pods().Where(p => Kind(p.Owner) == "Deployment"))
        {
            var container = Assert.Single(pod.Containers);
            var listens = int.Parse(container.Option("--port") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal("0.0.0.0", container.Option("--host"));
            // On a network address state changes need a token: from a Secret, never a literal.
            var token = Assert.Single(container.Environment, v => v.Name == "MLOPS_TOKEN");
            Assert.Equal(("mlops-token", "token"), (token.SecretName?.Split('-')[0] + "-" + token.SecretName?.Split('-')[1], token.SecretKey));
            // Probes and Prometheus come by the pod's IP: a Host name the service must accept.
            Assert.Contains("$(POD_IP)", container.Args);
            Assert.Equal("status.podIP", Assert.Single(container.Environment, v => v.Name == "POD_IP").FieldPath);
            Assert.Equal(listens, Assert.Single(container.Ports).Value);
            Assert.Equal(listens, container.Port(container.Readiness!.Port));
            Assert.Equal(listens, container.Port(container.Liveness!.Port));
            Assert.Equal(listens.ToString(System.Globalization.CultureInfo.InvariantCulture), pod.Annotations["prometheus.io/port"]);

            var service = Assert.Single(manifests.OfKind("Service"), s => Selects(s.Mapping("spec").Get("selector"), pod.Labels));
            Assert.Equal(Name(owner), Name(service));
            var port = Assert.Single(service.Mapping("spec").Sequence("ports").OfType<YamlMappingNode>());
            Assert.Equal(listens, container.Port(port.Scalar("targetPort") ?? ""));
        }

        // The service forwards to the monitor through the monitor's Service.
        var serve = PodTemplate.Of(manifests.Single("Deployment", "mlops-service")).Containers[0];
        var monitorService = manifests.Single("Service", "mlops-monitor");
        var monitorPort = monitorService.Mapping("spec").Sequence("ports").OfType<YamlMappingNode>().Single().Scalar("port");
        Assert.Equal($"http://mlops-monitor:{monitorPort}", serve.Option("--monitor"));
    }

    [Fact]
    public async Task The_config_map_holds_every_file_of_config()
    {
        var manifests = await Kustomize.RenderAsync(Kustomize.Base);
        var configMap = manifests.Generated("ConfigMap", "mlops-config");
        var data = PodTemplate.StringMap(configMap.Get("data"));

        var files = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "config"), "*.json").ToList();
        Assert.NotEmpty(files);
        Assert.Equal(files.Select(Path.GetFileName).Order(StringComparer.Ordinal), data.Keys.Order(StringComparer.Ordinal));
        Assert.All(files, file => Assert.Equal(File.ReadAllText(file), data[Path.GetFileName(file)]));
        // The monitor reads its configuration from the mounted ConfigMap.
        var monitor = PodTemplate.Of(manifests.Single("Deployment", "mlops-monitor"));
        Assert.Equal(Name(configMap), monitor.Volumes["config"].Node.Scalar("name"));
        Assert.Equal($"{monitor.Containers[0].Mounts["config"]}/monitor.json", monitor.Containers[0].Option("--config"));
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task Secrets_hold_placeholders_only_and_reach_the_pods_by_reference(string kustomization)
    {
        var manifests = await Kustomize.RenderAsync(Kustomize.Folder(kustomization));
        var secrets = manifests.OfKind("Secret").ToList();

        Assert.NotEmpty(secrets);
        foreach (var secret in secrets)
        {
            var values = PodTemplate.StringMap(secret.Get("data")).Values.Select(v => Encoding.UTF8.GetString(Convert.FromBase64String(v)));
            Assert.All(values, value => Assert.Contains("CHANGE-ME", value, StringComparison.Ordinal));
        }

        var references = manifests.Pods().SelectMany(p => p.Pod.Containers).SelectMany(c => c.Environment).Where(v => v.SecretName is not null).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r =>
        {
            var secret = Assert.Single(secrets, s => Name(s) == r.SecretName);
            Assert.Contains(r.SecretKey!, PodTemplate.StringMap(secret.Get("data")).Keys);
        });
    }

    [Fact]
    public async Task The_service_replicas_need_no_volume_and_the_pods_that_share_the_data_volume_run_on_one_node()
    {
        var manifests = await Kustomize.RenderAsync(Kustomize.Base);
        var claim = manifests.Single("PersistentVolumeClaim", "mlops-data");
        Assert.Equal(["ReadWriteOnce"], claim.Mapping("spec").Scalars("accessModes"));

        // The registry is in PostgreSQL: a replica keeps only a cache, on any node.
        var service = PodTemplate.Of(manifests.Single("Deployment", "mlops-service"));
        Assert.All(service.Volumes.Values, v => Assert.Equal("emptyDir", v.Source));
        Assert.Null(service.Spec.Get("affinity"));
        Assert.Equal(["mlops-init", "mlops-monitor"], manifests.Pods().Where(p => p.Pod.Volumes.Values.Any(v => v.Source == "persistentVolumeClaim")).Select(p => Name(p.Owner)).Order(StringComparer.Ordinal));

        var sharing = manifests.Pods().Where(p => p.Pod.Volumes.Values.Any(v => v.Source == "persistentVolumeClaim")).ToList();
        Assert.Equal(2, sharing.Count);
        Assert.All(sharing, p =>
        {
            var term = Assert.Single(p.Pod.Spec.Mapping("affinity").Mapping("podAffinity").Sequence("requiredDuringSchedulingIgnoredDuringExecution").OfType<YamlMappingNode>());
            Assert.Equal("kubernetes.io/hostname", term.Scalar("topologyKey"));
            // Every sharing pod matches every term, its own included (so the first one can start anywhere).
            Assert.All(sharing, other => Assert.True(Selects(term.Mapping("labelSelector").Get("matchLabels"), other.Pod.Labels)));
        });
    }

    [Fact]
    public async Task Prometheus_scrapes_both_with_the_job_names_the_rules_read()
    {
        var manifests = await Kustomize.RenderAsync(Kustomize.ExampleOverlay);
        var monitor = Assert.Single(manifests.OfKind("ServiceMonitor"));
        var spec = monitor.Mapping("spec");
        var endpoint = Assert.Single(spec.Sequence("endpoints").OfType<YamlMappingNode>());
        var services = manifests.OfKind("Service").Where(s => Selects(spec.Mapping("selector").Get("matchLabels"), PodTemplate.StringMap(s.Mapping("metadata").Get("labels")))).ToList();

        Assert.Equal(["mlops-monitor", "mlops-service"], services.Select(Name).Order(StringComparer.Ordinal));
        Assert.All(services, s => Assert.Contains(endpoint.Scalar("port"), s.Mapping("spec").Sequence("ports").OfType<YamlMappingNode>().Select(p => p.Scalar("name"))));
        Assert.Equal("/metrics", endpoint.Scalar("path"));
        Assert.All(manifests.Pods().Where(p => Kind(p.Owner) == "Deployment"), p => Assert.Equal("/metrics", p.Pod.Annotations["prometheus.io/path"]));

        // The job label comes from the Services' component label: the job names of the rules.
        var relabel = Assert.Single(endpoint.Sequence("relabelings").OfType<YamlMappingNode>());
        Assert.Equal("job", relabel.Scalar("targetLabel"));
        Assert.Equal(["__meta_kubernetes_service_label_app_kubernetes_io_component"], relabel.Scalars("sourceLabels"));
        var jobs = services.Select(s => PodTemplate.StringMap(s.Mapping("metadata").Get("labels"))["app.kubernetes.io/component"]).Order(StringComparer.Ordinal);
        var ruleJobs = AlertRule.Load(DeployFiles.AlertRules).SelectMany(r => r.JobNames).Order(StringComparer.Ordinal);
        Assert.Equal(ruleJobs, jobs);
    }

    private static int Replicas(YamlMappingNode deployment) =>
        int.Parse(deployment.Mapping("spec").Scalar("replicas") ?? "1", System.Globalization.CultureInfo.InvariantCulture);

    private static bool Selects(YamlNode? matchLabels, IReadOnlyDictionary<string, string> labels)
    {
        var wanted = PodTemplate.StringMap(matchLabels);
        return wanted.Count > 0 && wanted.All(kv => labels.TryGetValue(kv.Key, out var value) && value == kv.Value);
    }
}
