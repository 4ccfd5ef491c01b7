using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Mlops.Cli.Commands.Model;
using Mlops.Cli.Infrastructure;
using Mlops.Cli.Simulation;
using Mlops.Cli.Stack;
using Mlops.Core;
using Mlops.Core.Analysis;
using Mlops.Core.Registry;
using Mlops.Core.Retraining;
using Mlops.Core.Validation;

namespace Mlops.Cli.Demo;

/// <summary>
/// The whole talk, step by step, on the demo's own folder and registry. Every step is a call into the
/// parts the other commands use; this class only puts them in the talk's order, narrates, and makes
/// sure that what it started is stopped again — at the end, on a failed step and on Ctrl-C.
/// </summary>
public sealed class DemoRun(DemoOptions options, DemoNarrator narrator)
{
    private readonly DemoJournal _journal = new();
    private DemoWorkspace _workspace = null!;
    private DemoResult _result = null!;
    private PhaseThree _phaseThree = null!;
    private ModelRegistry _registry = null!;
    private DemoData _data = null!;

    /// <summary>The command that stops the services left running with <c>--keep-running</c>.</summary>
    public string StopHint => $"MLOPS_HOME={_workspace.Home} ./mlops down";

    /// <exception cref="InvalidInputException">The work folder or the given data cannot be used: nothing was started.</exception>
    public async Task<DemoResult> RunAsync(CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        _workspace = DemoWorkspace.Prepare(options.Workdir);
        _result = new DemoResult
        {
            Workdir = _workspace.Root,
            MlopsHome = _workspace.Home,
            Months = options.Months,
            LabelDelay = options.LabelDelay,
            LabeledMonth = options.LabeledMonth,
        };
        _phaseThree = new PhaseThree(narrator, _workspace);
        narrator.Say($"[bold]mlops demo[/]: the talk \"MLOps — concepts, not tools\" in one run; everything goes to [bold]{_workspace.Root}[/]");
        try
        {
            await TellAsync(cancellationToken);
        }
        catch (DemoStepException e) when (e.Step == DemoStepName.Data && e.InnerException is InvalidInputException bad)
        {
            // Bad data is bad input (exit 2), found before anything was started.
            ExceptionDispatchInfo.Throw(bad);
        }
        catch (DemoStepException e)
        {
            _result.Ending = DemoEnding.Failed;
            _result.Error = $"{e.Step}: {e.InnerException?.Message ?? e.Message}".ReplaceLineEndings(" ");
            narrator.Say($"[red]the step '{e.Step}' failed[/]: {e.InnerException?.Message ?? e.Message}");
        }
        catch (OperationCanceledException)
        {
            _result.Ending = DemoEnding.Interrupted;
            narrator.Say($"[yellow]interrupted[/]");
        }
        finally
        {
            await StopAsync(keep: options.KeepRunning && _result.Ending is not (DemoEnding.Failed or DemoEnding.Interrupted));
            _result.Steps = _journal.Steps;
            _result.Seconds = total.Elapsed.TotalSeconds;
        }

        return _result;
    }

    private async Task TellAsync(CancellationToken cancellationToken)
    {
        await DataAsync();
        // The demo is self-contained: its own SQLite registry in its workspace, also for the services it
        // starts (they inherit this environment), whatever registry MLOPS_REGISTRY names for other commands.
        Environment.SetEnvironmentVariable(RegistryLocation.EnvironmentVariable, null);
        _registry = ModelRegistry.Open(_workspace.Home);
        var production = await PhaseTwoAsync(cancellationToken);
        var stack = await StartAsync(cancellationToken);
        var months = await SimulateAsync(stack, cancellationToken);
        var analysis = await AnalysisAsync(months, production);
        await ClosingActAsync(analysis, stack, cancellationToken);
        await ReportAsync(analysis);
    }

    private async Task DataAsync()
    {
        narrator.Phase(DemoPhases.Problem, DemoPhases.ProblemStory);
        var generate = options.Data is null;
        narrator.Step(generate ? $"data generate --out {_workspace.Data} --months {options.Months}" : $"take the data in {options.Data}");
        _data = await _journal.Run(
            DemoStepName.Data, DemoPhases.Problem, generate ? "generate the data" : "take the data",
            () => generate ? DemoData.Generate(_workspace.Data, options.Months) : DemoData.Take(options.Data!, options.Months, options.LabeledMonth),
            d => (DemoOutcome.Done, $"reference + {d.Months} months, {Format.Thousands(d.ReferenceRows)} rows each"));
        _result.Data = _data.Folder;
        _result.DataGenerated = _data.Generated;
        if (generate)
        {
            narrator.Say($"wrote reference.csv and month-1.csv … month-{options.Months}.csv from the talk's causal model (seed 0) to [bold]{_data.Folder}[/]");
        }
        else
        {
            narrator.Say($"reference.csv and month-1.csv … month-{options.Months}.csv in [bold]{_data.Folder}[/] read and checked");
        }

        narrator.Explain("each month people are a little older, drive less, more cars brake on their own — and the driver's own skill matters less");
    }

    /// <summary>Train, validate, register and promote; returns the production version.</summary>
    private async Task<string> PhaseTwoAsync(CancellationToken cancellationToken)
    {
        narrator.Phase(DemoPhases.Professionalisation, DemoPhases.ProfessionalisationStory);
        var two = new PhaseTwo(narrator, _registry, _workspace.Model("classifier"));
        var phase = DemoPhases.Professionalisation;
        _result.Model = await _journal.Run(
            DemoStepName.Train, phase, "train on the reference data", () => two.Train(_data.Reference, cancellationToken),
            c => (DemoOutcome.Done, $"accuracy train {Format.Number(c.TrainAccuracy)}, test {Format.Number(c.TestAccuracy)}"));
        var validation = await _journal.Run(
            DemoStepName.Validate, phase, "validate the invariants", () => two.Validate(_data.Reference),
            v => (v.Passed ? DemoOutcome.Passed : DemoOutcome.Failed, $"{v.Checks.Count(c => c.Passed)} of {v.Checks.Count} invariants hold"));
        _result.Validation = validation;
        var promotion = await _journal.Run(
            DemoStepName.Promote, phase, "register and promote through the gate", () => two.Promote(_data.Reference, validation),
            p => p.InProduction ? (DemoOutcome.Promoted, $"{p.Model.Version} in production") : (DemoOutcome.Refused, p.Gate.Reason));
        if (!promotion.InProduction)
        {
            throw new DemoStepException(DemoStepName.Promote, new InvalidOperationException(
                $"the gate refused the first model ({ValidationReportView.FailedInline(validation)}); the story needs a model in production"));
        }

        _result.ProductionVersion = promotion.Model.Version;
        return promotion.Model.Version;
    }

    private async Task<StackState> StartAsync(CancellationToken cancellationToken)
    {
        narrator.Phase(DemoPhases.Operation, DemoPhases.OperationStory);
        var stack = await _journal.RunAsync(
            DemoStepName.Start, DemoPhases.Operation, "start the service and the monitor", () => _phaseThree.StartAsync(_data, cancellationToken),
            s => (DemoOutcome.Done, string.Join(", ", s.Processes.Select(p => $"{p.Name} {new Uri(p.Url).Port}"))));
        _result.Processes = [.. stack.Processes.Select(p => new DemoProcess(p.Name, p.Pid, p.Url, p.Log))];
        return stack;
    }

    private async Task<IReadOnlyList<MonthResult>> SimulateAsync(StackState stack, CancellationToken cancellationToken)
    {
        narrator.Phase(DemoPhases.Simulation, DemoPhases.SimulationStory(options.Months));
        var months = await _journal.RunAsync(
            DemoStepName.Simulate, DemoPhases.Simulation, $"replay {options.Months} months through the service", () => _phaseThree.SimulateAsync(stack, _data, cancellationToken),
            SimulationKey);
        _result.Simulation = months;
        return months;
    }

    private async Task<ProductionAnalysis> AnalysisAsync(IReadOnlyList<MonthResult> months, string production)
    {
        narrator.Phase(DemoPhases.Analysis, DemoPhases.AnalysisStory);
        var view = new DemoAnalysis(narrator);
        var (findings, analysis) = await _journal.Run(
            DemoStepName.Drift, DemoPhases.Analysis, "drift, interpretation, estimate",
            () =>
            {
                var findings = DriftFindings.Of(months);
                var analysis = DemoAnalysis.Analyze(_data, _registry, production, options.LabelDelay);
                view.Drift(findings, analysis);
                return (findings, analysis);
            },
            x => (DemoOutcome.Done, DriftKey(x.findings)));
        _result.Drift = findings;
        _result.EstimatedAccuracy = analysis.Performance.Count == 0 ? null : analysis.Performance[^1].EstimatedAccuracy;
        return analysis;
    }

    private async Task ClosingActAsync(ProductionAnalysis analysis, StackState stack, CancellationToken cancellationToken)
    {
        var month = options.LabeledMonth;
        var labeled = _data.Month(month);
        var act = new ClosingAct(narrator, new RetrainingFlow(_registry, InvariantSpec.Default), _workspace);

        narrator.Phase(DemoPhases.GroundTruth, DemoPhases.GroundTruthStory(month, options.LabelDelay, options.Months));
        var record = new RecordAct(narrator, _workspace, _data);
        _result.Record = await _journal.RunAsync(
            DemoStepName.Record, DemoPhases.GroundTruth, $"labels of months 1–{month} into the record; month {month}'s performance from it",
            () => record.ReadAsync(month, _registry, _result.ProductionVersion!, analysis, cancellationToken),
            r => (DemoOutcome.Done, $"month {r.Month}: service {Format.Number(r.RealisedAccuracy ?? double.NaN)}, model {Format.Number(r.ModelAccuracy ?? double.NaN)}, estimate {Format.Number(r.EstimatedAccuracy ?? double.NaN)}"));
        var check = await _journal.Run(
            DemoStepName.GroundTruth, DemoPhases.GroundTruth, $"validate production on month {month}", () => act.GroundTruth(labeled),
            c => (c.Report.Passed ? DemoOutcome.Passed : DemoOutcome.Failed, AccuracyKey(c.Report)));
        _result.GroundTruth = check.Report;
        new DemoAnalysis(narrator).Concept(analysis, month);
        if (check.Report.Passed)
        {
            _journal.Skip(DemoStepName.Retrain, DemoPhases.Retraining, $"retrain on month {month}", "production still meets its invariants");
            _journal.Skip(DemoStepName.MoreData, DemoPhases.BackToPhaseI, $"retrain on reference + month {month}", "nothing to retrain");
            _result.Ending = DemoEnding.ProductionStillValid;
            return;
        }

        narrator.Phase(DemoPhases.Retraining, DemoPhases.RetrainingStory(month));
        var retraining = await _journal.Run(
            DemoStepName.Retrain, DemoPhases.Retraining, $"retrain on month {month}", () => act.Retrain(check, labeled, cancellationToken),
            r => r.Outcome == RetrainingOutcome.CandidateFailed
                ? (DemoOutcome.BackToPhaseI, $"{r.CandidateVersion} misses {ValidationReportView.FailedInline(r.CandidateValidation!)}")
                : (DemoOutcome.Promoted, $"{r.CandidateVersion} in production"));
        _result.Retraining = retraining;
        if (retraining.Outcome != RetrainingOutcome.CandidateFailed)
        {
            _journal.Skip(DemoStepName.MoreData, DemoPhases.BackToPhaseI, $"retrain on reference + month {month}", "the candidate is in production");
            _result.Ending = DemoEnding.CandidatePromoted;
            return;
        }

        _result.Ending = DemoEnding.BackToPhaseI;
        narrator.Phase(DemoPhases.BackToPhaseI, DemoPhases.BackToPhaseIStory);
        _result.MoreData = await _journal.RunAsync(
            DemoStepName.MoreData, DemoPhases.BackToPhaseI, $"retrain on reference + month {month}",
            async () =>
            {
                var more = act.MoreData(check, labeled, _data.Reference, cancellationToken);
                if (more.Outcome == RetrainingOutcome.CandidatePromoted)
                {
                    await HotReloadAsync(stack, more.ProductionVersionAfter, cancellationToken);
                }

                return more;
            },
            r => r.Outcome == RetrainingOutcome.CandidatePromoted
                ? (DemoOutcome.Promoted, $"{r.CandidateVersion} in production, test accuracy {Format.Number(r.CandidateValidation!.Accuracy?.Test ?? double.NaN)}")
                : (DemoOutcome.Refused, $"{r.CandidateVersion} misses {ValidationReportView.FailedInline(r.CandidateValidation!)}"));
    }

    /// <summary>The running service picks the new production model up by itself; shown, not assumed.</summary>
    private async Task HotReloadAsync(StackState stack, string version, CancellationToken cancellationToken)
    {
        var service = PhaseThree.Url(stack, LocalDeployment.Service);
        var reloaded = await ServedModelProbe.WaitForAsync(service, version, TimeSpan.FromSeconds(10), cancellationToken);
        if (reloaded)
        {
            narrator.Say($"the running service now answers with {version} (it reloads the registry's production model by itself)");
        }
        else
        {
            narrator.Say($"[yellow]the running service did not switch to {version} within 10 s[/] (see {_workspace.Stack.Log(LocalDeployment.Service)})");
        }
    }

    private async Task ReportAsync(ProductionAnalysis analysis)
    {
        if (!options.WriteReport)
        {
            _journal.Skip(DemoStepName.Report, DemoPhases.Report, "write the analysis report", "--no-report");
            return;
        }

        narrator.Phase(DemoPhases.Report, "Everything the analysis found, as one self-contained page.");
        _result.Report = await _journal.Run(
            DemoStepName.Report, DemoPhases.Report, "write the analysis report", () => DemoAnalysis.WriteReport(analysis, _workspace.Report),
            path => (DemoOutcome.Done, $"{Path.GetFileName(path)}, {Format.Thousands(new FileInfo(path).Length / 1024)} KB"));
        narrator.Say($"wrote [bold]{_result.Report}[/]: drift per feature and month, predictions and certainty, accuracy estimated and realised, data quality, the interpretation");
    }

    /// <summary>Stops every process the demo started (from its state file, so also those of a half-finished start), unless asked to keep them.</summary>
    private async Task StopAsync(bool keep)
    {
        var running = _phaseThree.Deployment.Running();
        if (running is null)
        {
            return;
        }

        if (keep)
        {
            _journal.Note(DemoStepName.Stop, "", "stop the service and the monitor", DemoOutcome.KeptRunning, "--keep-running");
            _result.KeptRunning = true;
            return;
        }

        narrator.Step("stopping what the demo started");
        try
        {
            await _journal.RunAsync(
                DemoStepName.Stop, "", "stop the service and the monitor",
                async () =>
                {
                    await _phaseThree.Deployment.StopAsync(running);
                    return running.Processes.Count;
                },
                n => (DemoOutcome.Done, $"{n} processes stopped"));
        }
        catch (DemoStepException e)
        {
            _result.Ending = DemoEnding.Failed;
            _result.Error ??= $"Stop: {e.InnerException?.Message}";
        }
    }

    private static (DemoOutcome, string) SimulationKey(IReadOnlyList<MonthResult> months)
    {
        var sent = months.Sum(m => m.Sent);
        var answered = months.Sum(m => m.Answered);
        var fallback = answered == 0 ? double.NaN : (double)months.Sum(m => m.Fallback) / answered;
        var last = months.Count == 0 ? null : months[^1];
        var failed = months.Sum(m => m.Failed);
        return (failed == 0 ? DemoOutcome.Done : DemoOutcome.Failed,
            $"{Format.Thousands(sent)} requests, {Format.Thousands(months.Sum(m => m.Rejected))} rejected, fallback {Format.Percent(fallback)} (month {last?.Month}: {Format.Percent(last?.FallbackRate ?? double.NaN)})");
    }

    private static string DriftKey(DriftFindings findings) =>
        findings.First is { } first
            ? $"{first.Column} first (month {first.FirstMonth}); dataset drift " + (findings.FirstDatasetDrift is { } month ? $"from month {month}" : "never")
            : "no drift";

    private static string AccuracyKey(ValidationReport report)
    {
        var drop = report.AccuracyDrop is { } d ? $", drop {Format.Number(d)}" : "";
        var failed = report.Failed.Count();
        return $"test accuracy {Format.Number(report.Accuracy?.Test ?? double.NaN)}{drop}; {failed} of {report.Checks.Count} invariants fail";
    }
}
