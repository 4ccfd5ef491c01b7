using Mlops.Cli.Commands.Model;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Retraining;

namespace Mlops.Cli.Demo;

/// <summary>
/// The talk's closing act: the ground truth of month N − delay arrives; the production model fails its
/// invariants on it; a candidate retrained on that month misses the requirements: back to phase I. One
/// of the options the talk asks about — train on more data — follows. All of it is
/// <see cref="RetrainingFlow"/>, what <c>mlops retrain</c> runs.
/// </summary>
public sealed class ClosingAct(DemoNarrator narrator, RetrainingFlow flow, DemoWorkspace workspace)
{
    /// <summary>Production validated on the labeled month (recorded in its lineage).</summary>
    public ProductionCheck GroundTruth(string labeledFile)
    {
        narrator.Step($"validate -d {Path.GetFileName(labeledFile)} -m production");
        var check = flow.CheckProduction(labeledFile);
        ValidationReportView.Write(narrator.Console, check.Report);
        return check;
    }

    /// <summary>A candidate trained on the labeled month alone, registered, and promoted only if the gate lets it.</summary>
    public RetrainingResult Retrain(ProductionCheck check, string labeledFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        narrator.Step($"retrain --data {Path.GetFileName(labeledFile)} --promote-if-valid");
        var request = new RetrainingRequest
        {
            DataFile = labeledFile,
            CandidateFolder = workspace.Model("candidate-" + Path.GetFileNameWithoutExtension(labeledFile)),
            PromoteIfValid = true,
        };
        var result = flow.Retrain(request, check, cancellationToken: cancellationToken);
        RetrainingView.Candidate(narrator.Console, result);
        return result;
    }

    /// <summary>The talk's "train on more data": reference + the labeled month, through the same gate.</summary>
    public RetrainingResult MoreData(ProductionCheck check, string labeledFile, string referenceFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        narrator.Step($"retrain --data {Path.GetFileName(labeledFile)} --with-reference {Path.GetFileName(referenceFile)} --promote-if-valid");
        var request = new RetrainingRequest
        {
            DataFile = labeledFile,
            WithReferenceFile = referenceFile,
            CandidateFolder = workspace.Model("candidate-with-reference"),
            PromoteIfValid = true,
        };
        var result = flow.Retrain(request, check, cancellationToken: cancellationToken);
        var validation = result.CandidateValidation!;
        if (validation.Passed)
        {
            narrator.Say($"candidate on {result.TrainingRows} training rows: [green]all {validation.Checks.Count} invariants hold[/] (test accuracy {Format.Number(validation.Accuracy?.Test ?? double.NaN)})");
        }
        else
        {
            narrator.Say($"candidate on {result.TrainingRows} training rows: [red]{validation.Failed.Count()} of {validation.Checks.Count} invariants fail[/] ({ValidationReportView.FailedInline(validation)})");
        }
        if (result.Outcome == RetrainingOutcome.CandidatePromoted)
        {
            narrator.Say($"[green]promoted[/] {result.CandidateVersion} through the gate: production is now {result.ProductionVersionAfter} (was {result.ProductionVersion})");
        }

        return result;
    }
}
