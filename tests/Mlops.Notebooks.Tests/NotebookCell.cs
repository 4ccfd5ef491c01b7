using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mlops.Notebooks.Tests;

/// <summary>One cell of a notebook with its outputs (none in a committed notebook).</summary>
internal sealed partial record NotebookCell(int Index, string Type, string Source, JsonValueKind ExecutionCount, IReadOnlyList<CellOutput> Outputs)
{
    public bool IsCode => Type == "code";

    public string FirstLine => Source.Split('\n')[0].Trim();

    /// <summary>What the cell wrote to standard output.</summary>
    public string Printed => string.Concat(Outputs.Where(o => o.Type == "stream").Select(o => o.Text));

    public IEnumerable<CellOutput> Errors => Outputs.Where(o => o.Type == "error");

    /// <summary>The PNG images the cell displayed inline (data URIs in its HTML outputs), decoded.</summary>
    public IReadOnlyList<byte[]> Images =>
    [
        .. Outputs.SelectMany(o => PngDataUri().Matches(o.Html)).Select(m => Convert.FromBase64String(m.Groups[1].Value)),
    ];

    public static NotebookCell Read(JsonElement cell, int index)
    {
        var outputs = cell.TryGetProperty("outputs", out var list)
            ? list.EnumerateArray().Select(CellOutput.Read).ToArray()
            : [];
        var executionCount = cell.TryGetProperty("execution_count", out var count) ? count.ValueKind : JsonValueKind.Undefined;
        return new NotebookCell(
            index,
            cell.GetProperty("cell_type").GetString()!,
            NotebookDocument.MultilineText(cell.GetProperty("source")),
            executionCount,
            outputs);
    }

    [GeneratedRegex("data:image/png;base64,([A-Za-z0-9+/=]+)")]
    private static partial Regex PngDataUri();
}
