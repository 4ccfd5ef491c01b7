using System.Text.Json;

namespace Mlops.Notebooks.Tests;

/// <summary>An .ipynb file as its cells: as much of nbformat 4 as the tests need to read what a run printed and drew.</summary>
internal sealed class NotebookDocument
{
    private NotebookDocument(string path, IReadOnlyList<NotebookCell> cells)
    {
        Path = path;
        Cells = cells;
    }

    public string Path { get; }

    public IReadOnlyList<NotebookCell> Cells { get; }

    public IEnumerable<NotebookCell> CodeCells => Cells.Where(c => c.IsCode);

    /// <summary>Everything the code cells wrote to standard output, in order.</summary>
    public string Printed => string.Concat(CodeCells.Select(c => c.Printed));

    /// <summary>The one code cell whose source contains <paramref name="text"/>.</summary>
    public NotebookCell CodeCellWith(string text) => CodeCells.Single(c => c.Source.Contains(text, StringComparison.Ordinal));

    public static NotebookDocument Load(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var cells = json.RootElement.GetProperty("cells").EnumerateArray().Select(NotebookCell.Read).ToArray();
        return new NotebookDocument(path, cells);
    }

    /// <summary>nbformat allows a multi-line string as one string or as a list of lines.</summary>
    internal static string MultilineText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Array => string.Concat(element.EnumerateArray().Select(e => e.GetString())),
        _ => "",
    };
}
