using Mlops.Core.Data;
using Mlops.Core.Lifecycle;
using Mlops.Core.Problems;
using Mlops.Core.Registry;
using Mlops.Core.Training;
using Mlops.Core.Validation;

namespace Mlops.Core.Retraining;

/// <summary>
/// The talk's closing loop, as one decision flow: the labels of a month have arrived — does the
/// production model still meet its invariants on them? If yes, stop. If not, train a candidate the
/// way production was trained (on the new data, or reference + new data, optionally without some
/// features), validate it, and promote it only through the registry's gate, never around it. A
/// candidate that misses an invariant leaves production untouched: back to phase I.
/// </summary>
public sealed class RetrainingFlow(ModelRegistry registry, InvariantSpec spec)
{
    private readonly ModelLifecycle _lifecycle = new(registry, spec);

    public RetrainingResult Run(RetrainingRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = CheckProduction(request.DataFile, progress);
        if (check.Report.Passed)
        {
            return new RetrainingResult
            {
                Outcome = RetrainingOutcome.ProductionStillValid,
                ProductionVersion = check.Version,
                ProductionValidation = check.Report,
                ProductionVersionAfter = check.Version,
            };
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Retrain(request, check, progress, cancellationToken);
    }

    /// <summary>
    /// The first act: the production model validated on the newly labeled data; the report is recorded
    /// on the production version whatever the verdict (its lineage shows when it stopped holding).
    /// </summary>
    /// <exception cref="NoProductionModelException">The registry has no production model.</exception>
    public ProductionCheck CheckProduction(string dataFile, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataFile);
        var production = registry.GetProduction()
            ?? throw new NoProductionModelException($"the registry at {registry.Home} has no production model to check; promote one first (mlops registry promote VERSION)");
        var newData = ProblemCsvReader.ReadFile(dataFile, production.Model.Card.ProblemOrInsurance, requireLabels: true);
        var newSha = ContentHash.OfFile(dataFile);

        progress?.Report($"validating production {production.Model.Version} on {newData.Name}");
        var report = _lifecycle.Validate(production.Path, newData, newSha, production.Model.Version);
        _lifecycle.Record(production.Model.Version, report);
        return new ProductionCheck(production, report);
    }

    /// <summary>
    /// The second act, after production failed on the new data (<paramref name="check"/>): train a
    /// candidate the way production was trained, validate it, and promote it only through the gate.
    /// <paramref name="check"/> is production's validation on <see cref="RetrainingRequest.DataFile"/>.
    /// </summary>
    public RetrainingResult Retrain(RetrainingRequest request, ProductionCheck check, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(check);
        var production = check.Production;
        var productionReport = check.Report;
        var problem = production.Model.Card.ProblemOrInsurance;
        var options = TrainingOptionsFromCard.Read(production.Model.Card);
        if (request.DropFeatures is not null)
        {
            options = options with { Features = FeatureSelection.Dropping(request.DropFeatures) };
        }

        // An unknown feature to drop is bad input before anything is written.
        options.Features.DroppedOf(problem);
        var trainingFile = TrainingFile(request, problem);

        progress?.Report($"training a candidate on {Path.GetFileName(trainingFile)}");
        var candidateCard = ModelLifecycle.Train(trainingFile, problem, null, options, request.CandidateFolder, cancellationToken: cancellationToken);

        progress?.Report("validating the candidate");
        var candidateReport = _lifecycle.Validate(request.CandidateFolder, trainingFile, request.CandidateFolder);

        string? candidateVersion = null;
        PromotionResult? promotion = null;
        if (request.Register || request.PromoteIfValid)
        {
            // Reference and month too when the candidate learned from both: lineage names every input.
            string[] sources = request.WithReferenceFile is null ? [] : [request.DataFile, request.WithReferenceFile];
            candidateVersion = _lifecycle.Admit(request.CandidateFolder, trainingFile, candidateReport, sources);
            if (request.PromoteIfValid && candidateReport.Passed)
            {
                progress?.Report($"promoting {candidateVersion} through the gate");
                promotion = _lifecycle.Promote(candidateVersion);
            }
        }

        var outcome = !candidateReport.Passed ? RetrainingOutcome.CandidateFailed
            : promotion is { InProduction: true } ? RetrainingOutcome.CandidatePromoted
            : RetrainingOutcome.CandidateValid;
        return new RetrainingResult
        {
            Outcome = outcome,
            ProductionVersion = production.Model.Version,
            ProductionValidation = productionReport,
            TrainingDataFile = trainingFile,
            TrainingRows = candidateCard.TrainingRows,
            CandidateFolder = Path.GetFullPath(request.CandidateFolder),
            CandidateCard = candidateCard,
            CandidateValidation = candidateReport,
            CandidateVersion = candidateVersion,
            Promotion = promotion,
            ProductionVersionAfter = registry.GetProduction()?.Model.Version ?? production.Model.Version,
        };
    }

    /// <summary>
    /// The new file itself, or reference + new written to one file next to the candidate folder, so that
    /// the candidate's card (and the registry's lineage) names the exact data by its SHA-256.
    /// </summary>
    private static string TrainingFile(RetrainingRequest request, ProblemSchema problem)
    {
        if (request.WithReferenceFile is null)
        {
            return request.DataFile;
        }

        var name = $"{Path.GetFileNameWithoutExtension(request.WithReferenceFile)}+{Path.GetFileNameWithoutExtension(request.DataFile)}.csv";
        var folder = Path.GetDirectoryName(Path.GetFullPath(request.CandidateFolder))!;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        CombinedTrainingData.Write(request.WithReferenceFile, request.DataFile, problem, path);
        return path;
    }
}
