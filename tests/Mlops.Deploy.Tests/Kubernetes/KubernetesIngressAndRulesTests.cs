using System.Text;
using Mlops.Testing.Observability;
using YamlDotNet.RepresentationModel;
using static Mlops.Deploy.Tests.Kubernetes.RenderedManifests;

namespace Mlops.Deploy.Tests.Kubernetes;

/// <summary>
/// The example overlay's way in and its rules, rendered by kustomize and read against the code: the
/// Ingress reaches the service by a host name the service accepts, and the PrometheusRules are the
/// rule files of deploy/prometheus that promtool tests.
/// </summary>
public sealed class KubernetesIngressAndRulesTests
{
    [Fact]
    public async Task The_ingress_reaches_the_service_port_under_a_host_the_service_accepts()
    {
        var manifests = await Kustomize.RenderAsync(Kustomize.ExampleOverlay);
        var ingress = Assert.Single(manifests.OfKind("Ingress"));
        var serve = PodTemplate.Of(manifests.Single("Deployment", "mlops-service")).Containers[0];
        var allowed = serve.Args.Zip(serve.Args.Skip(1)).Where(p => p.First == "--allowed-host").Select(p => p.Second).ToList();

        var rules = ingress.Mapping("spec").Sequence("rules").OfType<YamlMappingNode>().ToList();
        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            // Without it the service answers the controller's requests with 400 (a host it does not know).
            Assert.Contains(rule.Scalar("host"), allowed);
            foreach (var path in rule.Mapping("http").Sequence("paths").OfType<YamlMappingNode>())
            {
                var backend = path.Mapping("backend").Mapping("service");
                var service = manifests.Single("Service", backend.Scalar("name")!);
                var port = Assert.Single(service.Mapping("spec").Sequence("ports").OfType<YamlMappingNode>());
                Assert.Equal(port.Scalar("name"), backend.Mapping("port").Scalar("name"));
                Assert.Equal("/", path.Scalar("path"));
            }
        }

        // The base has no Ingress: which host and controller is the overlay's business.
        Assert.Empty((await Kustomize.RenderAsync(Kustomize.Base)).OfKind("Ingress"));
    }

    [Fact]
    public async Task The_prometheus_rules_are_the_rule_files_promtool_tests()
    {
        var manifests = await Kustomize.RenderAsync(Kustomize.ExampleOverlay);
        var rules = manifests.OfKind("PrometheusRule").ToDictionary(Name, StringComparer.Ordinal);

        Assert.Equal(["mlops-alerts", "mlops-recording-rules"], rules.Keys.Order(StringComparer.Ordinal));
        // Group for group, rule for rule: a rule file changed without rerunning
        // deploy/k8s/render-prometheus-rules.sh fails here.
        Assert.Equal(Canonical(YamlFile.Load(DeployFiles.RecordingRules)), Canonical(rules["mlops-recording-rules"].Mapping("spec")));
        Assert.Equal(Canonical(YamlFile.Load(DeployFiles.AlertRules)), Canonical(rules["mlops-alerts"].Mapping("spec")));
        // Selected like the ServiceMonitor, by the system's name.
        Assert.All(rules.Values, r => Assert.Equal("mlops", PodTemplate.StringMap(r.Mapping("metadata").Get("labels"))["app.kubernetes.io/name"]));
    }

    /// <summary>A node as text with mapping keys sorted (kustomize sorts them), comments and styles gone.</summary>
    private static string Canonical(YamlNode node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();

        static void Write(YamlNode node, StringBuilder text)
        {
            switch (node)
            {
                case YamlScalarNode scalar:
                    text.Append('"').Append(scalar.Value).Append('"');
                    break;
                case YamlSequenceNode sequence:
                    text.Append('[');
                    foreach (var item in sequence.Children)
                    {
                        Write(item, text);
                        text.Append(',');
                    }

                    text.Append(']');
                    break;
                case YamlMappingNode mapping:
                    text.Append('{');
                    foreach (var (key, value) in mapping.Children.OrderBy(c => ((YamlScalarNode)c.Key).Value, StringComparer.Ordinal))
                    {
                        text.Append(((YamlScalarNode)key).Value).Append(':');
                        Write(value, text);
                        text.Append(',');
                    }

                    text.Append('}');
                    break;
                default:
                    throw new InvalidDataException($"unexpected YAML node at {node.Start}");
            }
        }
    }
}
