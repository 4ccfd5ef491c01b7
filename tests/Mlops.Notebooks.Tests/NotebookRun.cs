using System.Text;
using Mlops.Testing;

namespace Mlops.Notebooks.Tests;

/// <summary>One headless run of a notebook: how the process ended and the notebook it wrote, with every cell's outputs.</summary>
internal sealed record NotebookRun(string Notebook, ProcessResult Process, NotebookDocument Executed)
{
    /// <summary>The cells that failed, in order, each with its error.</summary>
    public IReadOnlyList<(NotebookCell Cell, CellOutput Error)> Errors =>
        [.. Executed.CodeCells.SelectMany(c => c.Errors.Select(e => (c, e)))];

    public bool Succeeded => Process.ExitCode == 0 && Errors.Count == 0;

    /// <summary>What a failed assertion shows: the exit code and each failing cell with the start of its error.</summary>
    public string Describe()
    {
        var text = new StringBuilder($"{Path.GetFileName(Notebook)}: dotnet-repl exit {Process.ExitCode}, {Errors.Count} failing cell(s); executed copy: {Executed.Path}");
        foreach (var (cell, error) in Errors)
        {
            var message = error.ErrorValue ?? "";
            text.Append($"\n  cell {cell.Index} ({cell.FirstLine}): {message[..Math.Min(400, message.Length)]}");
        }

        if (Process.StandardError.Length > 0)
        {
            text.Append($"\n--- stderr ---\n{Process.StandardError}");
        }

        return text.ToString();
    }
}
