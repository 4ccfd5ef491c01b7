using System.Globalization;
using System.Text;

namespace Mlops.Core;

/// <summary>
/// How a message shows a value someone sent us: at most <see cref="MaxLength"/> characters, control
/// characters and lone surrogates escaped. A 20 MB field must not be echoed into a log or a problem
/// answer whole, and a terminal escape sequence in a CSV cell must not reach the operator's terminal raw.
/// </summary>
public static class Excerpt
{
    /// <summary>Characters of a bad value an error message quotes.</summary>
    public const int MaxLength = 80;

    /// <summary>Characters of a whole one-line message (a safety net for messages built elsewhere, e.g. by a parser).</summary>
    public const int MaxLineLength = 1000;

    /// <summary>The value in single quotes, shortened and escaped: <c>'abc…' (20971520 characters)</c>.</summary>
    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var shown = Escape(value, MaxLength);
        return value.Length > MaxLength
            ? string.Create(CultureInfo.InvariantCulture, $"'{shown}…' ({value.Length} characters)")
            : $"'{shown}'";
    }

    /// <summary>A message as one safe line: line breaks become spaces, other control characters are escaped, at most <see cref="MaxLineLength"/> characters.</summary>
    public static string Line(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var line = Escape(message.ReplaceLineEndings(" ").Trim(), MaxLineLength);
        return message.Length > MaxLineLength ? line + "…" : line;
    }

    private static string Escape(string value, int max)
    {
        var text = new StringBuilder(Math.Min(value.Length, max) + 8);
        for (var i = 0; i < value.Length && i < max; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                // A whole pair (an emoji) is text, not a control character; it may end just past the limit.
                text.Append(c).Append(value[++i]);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
            {
                text.Append(c switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                });
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
