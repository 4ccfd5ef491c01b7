using System.Diagnostics;

namespace Mlops.Cli.Demo;

/// <summary>
/// Runs the steps one after another, times each and keeps what it reported; a step that throws is
/// recorded as an error (or as interrupted, on Ctrl-C) and the exception travels on, wrapped in
/// <see cref="DemoStepException"/> so the caller knows which step it was.
/// </summary>
public sealed class DemoJournal
{
    private readonly List<DemoStep> _steps = [];

    public IReadOnlyList<DemoStep> Steps => _steps;

    /// <summary>The step that ran last (or is running).</summary>
    public DemoStepName? Current { get; private set; }

    public async Task<T> RunAsync<T>(DemoStepName step, string phase, string title, Func<Task<T>> body, Func<T, (DemoOutcome Outcome, string Key)> describe)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(describe);
        Current = step;
        var stopwatch = Stopwatch.StartNew();
        T result;
        try
        {
            result = await body();
        }
        catch (OperationCanceledException)
        {
            _steps.Add(new DemoStep(step, phase, title, DemoOutcome.Interrupted, "Ctrl-C", stopwatch.Elapsed.TotalSeconds));
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _steps.Add(new DemoStep(step, phase, title, DemoOutcome.Error, e.Message.ReplaceLineEndings(" "), stopwatch.Elapsed.TotalSeconds));
            throw new DemoStepException(step, e);
        }

        var (outcome, key) = describe(result);
        _steps.Add(new DemoStep(step, phase, title, outcome, key, stopwatch.Elapsed.TotalSeconds));
        return result;
    }

    public Task<T> Run<T>(DemoStepName step, string phase, string title, Func<T> body, Func<T, (DemoOutcome Outcome, string Key)> describe) =>
        RunAsync(step, phase, title, () => Task.FromResult(body()), describe);

    /// <summary>A step that did not run, and why.</summary>
    public void Skip(DemoStepName step, string phase, string title, string why) => Note(step, phase, title, DemoOutcome.Skipped, why);

    /// <summary>A step decided without running anything (e.g. the services kept running).</summary>
    public void Note(DemoStepName step, string phase, string title, DemoOutcome outcome, string key) =>
        _steps.Add(new DemoStep(step, phase, title, outcome, key, 0));
}

/// <summary>A step of the demo failed; <see cref="Exception.InnerException"/> says why.</summary>
public sealed class DemoStepException : Exception
{
    public DemoStepException()
    {
    }

    public DemoStepException(string message)
        : base(message)
    {
    }

    public DemoStepException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DemoStepException(DemoStepName step, Exception innerException)
        : base($"step {step}: {innerException?.Message}", innerException)
    {
        Step = step;
    }

    public DemoStepName? Step { get; }
}
