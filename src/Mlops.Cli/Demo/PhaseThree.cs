using Mlops.Cli.Commands.Simulation;
using Mlops.Cli.Commands.Stack;
using Mlops.Cli.Simulation;
using Mlops.Cli.Stack;

namespace Mlops.Cli.Demo;

/// <summary>
/// Phase III — operation, and production simulated: the service and the drift monitor as real
/// background processes (what <c>mlops up</c> starts, on free loopback ports), then every month's
/// customers through the service over HTTP (what <c>mlops simulate</c> replays), one line per month.
/// </summary>
public sealed class PhaseThree(DemoNarrator narrator, DemoWorkspace workspace)
{
    public const string Title = "Phase III — operation";

    public const string SimulationTitle = "Production simulated";

    public LocalDeployment Deployment { get; } = new(workspace.Stack, narrator.Console);

    public async Task<StackState> StartAsync(DemoData data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        narrator.Step("serve --monitor …   and   monitor --reference reference.csv");
        var ports = LoopbackPorts.Free(2);
        var plan = new StackPlan(data.Folder, data.Reference, ServicePort: ports[0], MonitorPort: ports[1], PrometheusPort: 0, PrometheusBinary: null, PrometheusTemplates: null);
        var state = await Deployment.StartAsync(plan, cancellationToken);
        StackView.Urls(narrator.Console, state);
        narrator.Explain($"logs: {workspace.Stack.RunFolder}");
        return state;
    }

    public async Task<IReadOnlyList<MonthResult>> SimulateAsync(StackState stack, DemoData data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(data);
        var options = new ReplayOptions
        {
            Service = new Uri(Url(stack, LocalDeployment.Service)),
            Monitor = new Uri(Url(stack, LocalDeployment.Monitor)),
            DataFolder = data.Folder,
            Problem = Mlops.Core.Problems.ProblemSchema.Insurance,
            Months = new MonthRange(1, data.Months),
            Token = Mlops.Hosting.Access.ApiToken.FromFile(workspace.Stack.TokenFile),
        };
        using var replay = new ProductionReplay(options);
        var months = await replay.LoadAsync(cancellationToken);
        await replay.ConnectAsync(cancellationToken);
        SimulationView.Header(narrator.Console, options, replay, months.Count);
        var results = new List<MonthResult>();
        foreach (var month in months)
        {
            var result = await replay.RunMonthAsync(month, rowDone: null, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            SimulationView.Month(narrator.Console, result);
            results.Add(result);
        }

        return results;
    }

    public static string Url(StackState stack, string process)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return stack.Processes.Single(p => p.Name == process).Url;
    }
}
