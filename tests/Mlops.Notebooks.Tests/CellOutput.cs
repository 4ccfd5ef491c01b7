using System.Text.Json;

namespace Mlops.Notebooks.Tests;

/// <summary>One output of a code cell: a stream (printed text), displayed data (HTML, CSV) or an error.</summary>
internal sealed record CellOutput(string Type, string Text, string Html, string? ErrorValue)
{
    public static CellOutput Read(JsonElement output)
    {
        var type = output.GetProperty("output_type").GetString()!;
        var text = output.TryGetProperty("text", out var stream) ? NotebookDocument.MultilineText(stream) : "";
        var html = "";
        if (output.TryGetProperty("data", out var data))
        {
            if (data.TryGetProperty("text/html", out var markup))
            {
                html = NotebookDocument.MultilineText(markup);
            }

            if (data.TryGetProperty("text/plain", out var plain))
            {
                text += NotebookDocument.MultilineText(plain);
            }
        }

        var error = output.TryGetProperty("evalue", out var value) ? value.GetString() : null;
        return new CellOutput(type, text, html, error);
    }
}
