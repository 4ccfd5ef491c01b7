using Mlops.Core.Registry;
using Spectre.Console;

namespace Mlops.Cli.Commands.Registry;

/// <summary>The registry's answer to a promotion, for people: promoted, forced, already there, or refused with the failed checks.</summary>
internal static class PromotionView
{
    public static void Write(IAnsiConsole console, PromotionResult result, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var version = result.Model.Version;
        var replaced = result.Replaced is { } r ? $" ({r} archived)" : "";
        switch (result.Outcome)
        {
            case PromotionOutcome.Promoted:
                console.MarkupLineInterpolated(
                    $"[green]promoted[/] [bold]{version}[/] to production{replaced}; production revision {result.ProductionRevision}");
                console.MarkupLineInterpolated($"  gate: {result.Gate.Reason}");
                break;
            case PromotionOutcome.ForcedPromotion:
                console.MarkupLineInterpolated(
                    $"[yellow]forced[/] [bold]{version}[/] into production{replaced}; production revision {result.ProductionRevision}");
                console.MarkupLineInterpolated($"  gate overridden: {result.Gate.Reason}");
                console.MarkupLineInterpolated($"  reason recorded: {reason}");
                break;
            case PromotionOutcome.AlreadyInProduction:
                console.MarkupLineInterpolated($"{version} is already the production model; nothing changed (production revision {result.ProductionRevision})");
                break;
            default:
                WriteRefusal(console, result);
                break;
        }
    }

    private static void WriteRefusal(IAnsiConsole console, PromotionResult result)
    {
        var version = result.Model.Version;
        console.MarkupLineInterpolated($"[red]refused[/]: {version} stays {RegistryText.Stage(result.Model.Stage)}");
        console.MarkupLineInterpolated($"  gate: {result.Gate.Reason}");
        if (result.Gate.FailedChecks.Count > 0)
        {
            console.Write(RegistryText.Checks(result.Gate.FailedChecks, "failed checks"));
        }

        console.MarkupLine("to promote it anyway, with a reason recorded in its history:");
        console.MarkupLineInterpolated($"  mlops registry promote {version} --force --reason \"why\"");
    }
}
