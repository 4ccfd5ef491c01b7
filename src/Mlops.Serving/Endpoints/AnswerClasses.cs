using System.Globalization;
using System.Text.Json;
using Mlops.Core.Problems;

namespace Mlops.Serving.Endpoints;

/// <summary>
/// A problem's classes as an answer writes them, encoded once per served model: <c>category</c> is the
/// class value as the data writes it (the talk's 0, 1, 2; a string for string labels), and the field the
/// problem names its label by (the talk's <c>risk</c>, else <c>class</c>) carries the class's display name.
/// </summary>
internal sealed class AnswerClasses
{
    private readonly long?[] _numbers;
    private readonly JsonEncodedText[] _values;
    private readonly JsonEncodedText[] _names;

    public AnswerClasses(ProblemSchema problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var classes = problem.Label.Classes;
        Field = JsonEncodedText.Encode(problem.Label.AnswerName);
        _numbers = [.. classes.Select(c => c.Value.IsInteger ? long.Parse(c.Value.Text, CultureInfo.InvariantCulture) : (long?)null)];
        _values = [.. classes.Select(c => JsonEncodedText.Encode(c.Value.Text))];
        _names = [.. classes.Select(c => JsonEncodedText.Encode(c.Name))];
    }

    /// <summary>The answer's field for the class name, e.g. <c>risk</c>.</summary>
    public JsonEncodedText Field { get; }

    public void WriteCategory(Utf8JsonWriter json, int classIndex)
    {
        if (_numbers[classIndex] is { } number)
        {
            json.WriteNumber("category"u8, number);
        }
        else
        {
            json.WriteString("category"u8, _values[classIndex]);
        }
    }

    public void WriteName(Utf8JsonWriter json, int classIndex) => json.WriteString(Field, _names[classIndex]);
}
