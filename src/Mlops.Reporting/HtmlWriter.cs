using System.Globalization;
using System.Net;
using System.Text;

namespace Mlops.Reporting;

/// <summary>A small HTML builder: every text is encoded, images are inlined as data URIs.</summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _html = new();

    public HtmlWriter Raw(string html)
    {
        _html.Append(html);
        return this;
    }

    public HtmlWriter Element(string tag, string text, string? cssClass = null)
    {
        _html.Append('<').Append(tag);
        if (cssClass is not null)
        {
            _html.Append(" class=\"").Append(cssClass).Append('"');
        }

        _html.Append('>').Append(Encode(text)).Append("</").Append(tag).Append(">\n");
        return this;
    }

    /// <summary>A PNG as an <c>img</c> with a <c>data:</c> URI: the report needs no other file and no network.</summary>
    public HtmlWriter Image(byte[] png, string alt, string id)
    {
        ArgumentNullException.ThrowIfNull(png);
        _html.Append("<img id=\"").Append(Encode(id)).Append("\" class=\"chart\" alt=\"").Append(Encode(alt))
            .Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(png)).Append("\">\n");
        return this;
    }

    /// <summary>A table; the first column is a header cell per row.</summary>
    public HtmlWriter Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string? id = null)
    {
        _html.Append("<table").Append(id is null ? "" : $" id=\"{Encode(id)}\"").Append("><thead><tr>");
        foreach (var h in header)
        {
            _html.Append("<th>").Append(Encode(h)).Append("</th>");
        }

        _html.Append("</tr></thead><tbody>\n");
        foreach (var row in rows)
        {
            _html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                _html.Append(i == 0 ? "<th>" : "<td>").Append(Encode(row[i])).Append(i == 0 ? "</th>" : "</td>");
            }

            _html.Append("</tr>\n");
        }

        _html.Append("</tbody></table>\n");
        return this;
    }

    public override string ToString() => _html.ToString();

    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    public static string Number(double? value, int decimals = 3) =>
        value is not { } v || double.IsNaN(v) ? "–" : v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Percent(double? share, int decimals = 1) =>
        share is not { } s || double.IsNaN(s) ? "–" : (s * 100).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " %";
}
