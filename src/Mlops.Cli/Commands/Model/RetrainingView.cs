using Mlops.Core.Retraining;
using Spectre.Console;

namespace Mlops.Cli.Commands.Model;

/// <summary>
/// What the retraining loop found, for people, in its two acts: production on the newly labeled data,
/// then the candidate and the gate's decision (back to phase I when it misses an invariant).
/// </summary>
internal static class RetrainingView
{
    /// <summary>The production model's validation on the new labels, and whether that ends the loop.</summary>
    public static void Production(IAnsiConsole console, RetrainingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        ValidationReportView.Write(console, result.ProductionValidation);
        if (result.Outcome == RetrainingOutcome.ProductionStillValid)
        {
            console.MarkupLineInterpolated($"[green]production {result.ProductionVersion} still meets every invariant on {result.ProductionValidation.DataFile}[/]: no retraining needed");
        }
    }

    /// <summary>The candidate's validation and what became of it; nothing when none was trained.</summary>
    public static void Candidate(IAnsiConsole console, RetrainingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.CandidateValidation is null)
        {
            return;
        }

        ValidationReportView.Write(console, result.CandidateValidation);
        var registered = result.CandidateVersion is null ? "" : $", registered as {result.CandidateVersion}";
        console.MarkupLineInterpolated($"candidate trained on {Path.GetFileName(result.TrainingDataFile)} ({result.TrainingRows} training rows) in [bold]{result.CandidateFolder}[/]{registered}");
        switch (result.Outcome)
        {
            case RetrainingOutcome.CandidatePromoted:
                console.MarkupLineInterpolated($"[green]promoted[/] {result.CandidateVersion} through the gate: production is now {result.ProductionVersionAfter} (was {result.ProductionVersion})");
                break;
            case RetrainingOutcome.CandidateValid:
                console.MarkupLineInterpolated($"[green]the candidate meets every invariant[/]; production stays {result.ProductionVersionAfter} (promote with --promote-if-valid or mlops registry promote)");
                break;
            case RetrainingOutcome.CandidateFailed:
                console.MarkupLineInterpolated($"[red]the candidate misses {result.FailedChecks.Count} invariant(s)[/] ({string.Join(", ", result.FailedChecks.Select(c => c.Name))}); production stays {result.ProductionVersionAfter}.");
                console.MarkupLine("back to phase I: change the requirements (--spec), tune the model, drop a feature (--drop), or train on more data (--with-reference)");
                break;
            case RetrainingOutcome.ProductionStillValid:
            default:
                break;
        }
    }
}
