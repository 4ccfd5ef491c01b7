namespace Mlops.Cli.Stack;

/// <summary>What to start and where: the data, the ports, and Prometheus (null binary: not installed or not wanted).</summary>
public sealed record StackPlan(string DataFolder, string Reference, int ServicePort, int MonitorPort, int PrometheusPort, string? PrometheusBinary, string? PrometheusTemplates);
