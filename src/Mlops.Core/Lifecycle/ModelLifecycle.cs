using System.Diagnostics;
using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.Registry;
using Mlops.Core.Training;
using Mlops.Core.Validation;

namespace Mlops.Core.Lifecycle;

/// <summary>
/// The life of a model, defined once: train → save → validate → register → record → promote. The
/// bootstrap of <c>mlops up</c>, the demo, <c>mlops retrain</c>, <c>mlops train --register</c> and
/// <c>mlops validate</c> all go through these steps, so they validate and register by one rule:
/// <list type="bullet">
/// <item>validation judges the model as loaded back from its saved folder — the bytes the registry
/// stores and the service loads — never the in-memory object training returned;</item>
/// <item>the registry gets the training data before the model (the card's lineage points at data the
/// registry holds), then the report, recorded on the version with the validated content;</item>
/// <item>promotion only through the registry's gate, never forced.</item>
/// </list>
/// </summary>
/// <param name="registry">The registry; null for the steps that need none (train, validate without a registry).</param>
/// <param name="spec">The invariants validation checks.</param>
public sealed class ModelLifecycle(ModelRegistry? registry, InvariantSpec spec)
{
    public InvariantSpec Spec => spec;

    private ModelRegistry Registry => registry ?? throw new InvalidOperationException("this lifecycle has no registry to register, record or promote in");

    /// <summary>Trains on the labeled file and saves the model folder; returns the card as saved (with the model file's SHA-256).</summary>
    /// <param name="dataFile">The labeled training data.</param>
    /// <param name="options">Trainer, seed, features.</param>
    /// <param name="folder">The model folder to write (new, empty, or holding a model).</param>
    /// <param name="progress">Told each training stage.</param>
    /// <param name="cancellationToken">Stops training.</param>
    public static ModelCard Train(
        string dataFile, TrainingOptions options, string folder, IProgress<TrainingStage>? progress = null, CancellationToken cancellationToken = default)
    {
        // Before a training that takes seconds: a folder that cannot be written fails now.
        ModelDirectory.EnsureWritable(folder);
        using var trained = RiskModelTrainer.TrainFile(dataFile, options, progress, cancellationToken);
        return ModelDirectory.Save(trained, folder);
    }

    /// <summary>
    /// Trains the model of any problem on its labeled file and saves the model folder; returns the card as
    /// saved. A problem file that turns on sweet spots (<c>training.feature_engineering</c>, the insurance
    /// file does) gets the talk's model (<see cref="RiskModelTrainer"/>); any other the default trainer
    /// (<see cref="ProblemModelTrainer"/>).
    /// </summary>
    public static ModelCard Train(
        string dataFile, Problems.ProblemSchema problem, char? separator, TrainingOptions options, string folder, IProgress<TrainingStage>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (RiskSweetSpots.IsTurnedOn(problem))
        {
            RiskSweetSpots.EnsureSupported(problem);
            return Train(dataFile, options, folder, progress, cancellationToken);
        }

        ModelDirectory.EnsureWritable(folder);
        using var trained = ProblemModelTrainer.TrainFile(dataFile, problem, options, separator, progress, cancellationToken);
        return ModelDirectory.Save(trained, folder);
    }

    /// <summary>Validates the model in <paramref name="folder"/> on a labeled data file.</summary>
    /// <param name="folder">A model folder (every loader's checks apply).</param>
    /// <param name="dataFile">Labeled data: the training file, or a month whose labels arrived.</param>
    /// <param name="modelName">How the report names the model (printed with it).</param>
    /// <param name="warn">Told when the model loads with a caveat.</param>
    public ValidationReport Validate(string folder, string dataFile, string? modelName = null, Action<string>? warn = null)
    {
        using var model = ModelDirectory.Load(folder, warn);
        return ModelValidator.ValidateFile(model, dataFile, spec, modelName);
    }

    /// <summary>Validates the model in <paramref name="folder"/> on data already read (and hashed).</summary>
    public ValidationReport Validate(string folder, InsuranceDataset data, string dataSha256, string? modelName = null, Action<string>? warn = null)
    {
        using var model = ModelDirectory.Load(folder, warn);
        return ModelValidator.Validate(model, data, dataSha256, spec, modelName);
    }

    /// <summary>
    /// Registers the training data, the data it was made from (<paramref name="sourceDataFiles"/>, e.g.
    /// reference and month when retraining on both), then the model folder as a candidate. The data is
    /// read as the model's problem's (its card's), so the registry checks and describes it by that schema.
    /// </summary>
    public ModelRegistration Register(string folder, string trainingDataFile, IEnumerable<string>? sourceDataFiles = null)
    {
        ArgumentNullException.ThrowIfNull(trainingDataFile);
        var problem = ModelCardFile.Read(folder).ProblemOrInsurance;
        foreach (var source in sourceDataFiles ?? [])
        {
            Registry.RegisterDataset(source, problem);
        }

        Registry.RegisterDataset(trainingDataFile, problem);
        return Registry.Register(folder);
    }

    /// <summary>Records <paramref name="report"/> on <paramref name="version"/>: the evidence the gate judges by.</summary>
    public ValidationRecord Record(string version, ValidationReport report) => Registry.RecordValidation(version, report);

    /// <summary>
    /// Records <paramref name="report"/> on the registered version whose content equals
    /// <paramref name="folder"/>; null when there is no registry or that content is not registered.
    /// </summary>
    public ValidationRecord? RecordForFolder(string folder, ValidationReport report) =>
        registry?.RecordValidationForFolder(folder, report);

    /// <summary>Registers a validated model (data, model, report): a version enters the registry with its evidence.</summary>
    public string Admit(string folder, string trainingDataFile, ValidationReport report, IEnumerable<string>? sourceDataFiles = null)
    {
        var version = Register(folder, trainingDataFile, sourceDataFiles).Model.Version;
        Record(version, report);
        return version;
    }

    /// <summary>Asks the registry's gate to promote <paramref name="version"/>; a failed validation is refused, never forced.</summary>
    public PromotionResult Promote(string version, string? reason = null) => Registry.Promote(version, force: false, reason);

    /// <summary>
    /// The whole life of a first model: train on <paramref name="dataFile"/> into <paramref name="folder"/>,
    /// validate it on the same file, register data, model and report, and promote through the gate.
    /// </summary>
    public LifecycleResult TrainToProduction(
        string dataFile, TrainingOptions options, string folder, string reason, string? modelName = null, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var card = Train(dataFile, options, folder, cancellationToken: cancellationToken);
        var trainingTime = stopwatch.Elapsed;
        var report = Validate(folder, dataFile, modelName);
        var version = Admit(folder, dataFile, report);
        return new LifecycleResult(card, trainingTime, version, report, Promote(version, reason));
    }
}
