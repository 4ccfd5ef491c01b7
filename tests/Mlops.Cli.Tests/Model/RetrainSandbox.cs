using Mlops.Core.Models;
using Mlops.Core.Registry;
using Mlops.Core.Validation;
using Mlops.Testing;

namespace Mlops.Cli.Tests.Model;

/// <summary>
/// A registry in a temp folder whose production model is the reference model (trained by the real CLI
/// in <see cref="TrainedClassifierFixture"/>), registered, validated and promoted through the gate;
/// the real CLI runs with <c>MLOPS_HOME</c> pointing at it.
/// </summary>
public sealed class RetrainSandbox : IDisposable
{
    private readonly TemporaryDirectory _temp = new("mlops-retrain");

    public RetrainSandbox(string referenceModel)
    {
        Home = _temp.File("home");
        WorkingDirectory = _temp.File("cwd");
        Directory.CreateDirectory(WorkingDirectory);
        var registry = Registry();
        var version = registry.Register(referenceModel).Model.Version;
        using (var model = ModelDirectory.Load(referenceModel))
        {
            registry.RecordValidation(version, ModelValidator.ValidateFile(model, RepositoryPaths.SeedMonth(0), InvariantSpec.Default));
        }

        var promotion = registry.Promote(version);
        if (promotion.Outcome != PromotionOutcome.Promoted)
        {
            throw new InvalidOperationException($"the reference model did not pass its own gate: {promotion.Gate.Reason}");
        }
    }

    public string Home { get; }

    public string WorkingDirectory { get; }

    public string Path(string name) => System.IO.Path.Combine(WorkingDirectory, name);

    public ModelRegistry Registry() => ModelRegistry.Open(Home);

    public string ProductionVersion() => Registry().GetProduction()?.Model.Version ?? "none";

    public Task<ProcessResult> RunAsync(params string[] args) =>
        CliProcess.RunAsync(args, WorkingDirectory, new Dictionary<string, string> { [RegistryHome.EnvironmentVariable] = Home });

    public void Dispose() => _temp.Dispose();
}
