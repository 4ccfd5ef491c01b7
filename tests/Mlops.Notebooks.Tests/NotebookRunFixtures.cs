namespace Mlops.Notebooks.Tests;

/// <summary>Runs one committed notebook once for all the facts of a test class.</summary>
public abstract class NotebookRunFixture(string name) : IAsyncLifetime
{
    private NotebookRun? _run;

    internal NotebookRun Run => _run ?? throw new InvalidOperationException($"{name} has not run");

    public async Task InitializeAsync() => _run = await NotebookRunner.RunCommittedAsync(name);

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class ExplorationNotebookRun() : NotebookRunFixture("exploration.ipynb");

public sealed class AnalysisNotebookRun() : NotebookRunFixture("analysis.ipynb");
