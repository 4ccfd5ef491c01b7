using System.Text.Json;
using System.Text.Json.Nodes;
using Mlops.Testing;

namespace Mlops.Notebooks.Tests;

/// <summary>
/// The check that the notebook tests can fail at all: a copy of a notebook broken on purpose must
/// fail its run and name the broken cell. The copy runs in notebooks/ like the original, from a
/// temporary folder, so the committed file is never touched.
/// </summary>
public sealed class FailingCellTests
{
    [Fact]
    public async Task A_cell_whose_data_file_is_missing_fails_the_run_and_is_named()
    {
        var run = await RunBrokenAsync("exploration.ipynb", "\"../seed-data/reference.csv\"", "\"../seed-data/no-such-file.csv\"");

        Assert.False(run.Succeeded, run.Describe());
        Assert.NotEqual(0, run.Process.ExitCode);
        var (cell, error) = run.Errors[0];
        Assert.Contains("no-such-file.csv", cell.Source, StringComparison.Ordinal);
        Assert.Contains("no-such-file.csv", error.ErrorValue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exception_in_the_last_cell_fails_the_run()
    {
        var committed = NotebookDocument.Load(NotebookRunner.Committed("analysis.ipynb"));
        var last = committed.CodeCells.Last().Source;
        var run = await RunBrokenAsync("analysis.ipynb", last, last + "\nthrow new InvalidOperationException(\"broken on purpose\");");

        Assert.NotEqual(0, run.Process.ExitCode);
        var failure = Assert.Single(run.Errors);
        Assert.Equal(run.Executed.CodeCells.Last().Index, failure.Cell.Index);
        Assert.Contains("broken on purpose", failure.Error.ErrorValue, StringComparison.Ordinal);
    }

    /// <summary>Runs a copy of a committed notebook with <paramref name="original"/> replaced by <paramref name="broken"/> in its code cells.</summary>
    private static async Task<NotebookRun> RunBrokenAsync(string name, string original, string broken)
    {
        using var folder = new TemporaryDirectory("mlops-notebook");
        var document = JsonNode.Parse(await File.ReadAllTextAsync(NotebookRunner.Committed(name)))!;
        var changed = 0;
        foreach (var cell in document["cells"]!.AsArray())
        {
            using var parsed = JsonDocument.Parse(cell!["source"]!.ToJsonString());
            var source = NotebookDocument.MultilineText(parsed.RootElement);
            if (cell["cell_type"]!.GetValue<string>() == "code" && source.Contains(original, StringComparison.Ordinal))
            {
                cell["source"] = source.Replace(original, broken, StringComparison.Ordinal);
                changed++;
            }
        }

        Assert.True(changed > 0, $"no code cell of {name} contains the text to break; the copy would equal the original");
        var path = folder.File("broken-" + name);
        await File.WriteAllTextAsync(path, document.ToJsonString());
        return await NotebookRunner.RunAsync(path, folder.File("executed-" + name));
    }
}
