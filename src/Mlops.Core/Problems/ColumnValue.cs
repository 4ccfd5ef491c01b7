using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mlops.Core.Problems;

/// <summary>
/// A value a label or categorical column can take, as written in the data: a whole number (<c>0</c>) or a
/// string (<c>"setosa"</c>). Compared by its text, so <c>2</c> in a file and <c>2</c> in the schema match.
/// </summary>
[JsonConverter(typeof(ColumnValueJsonConverter))]
public readonly record struct ColumnValue(string Text, bool IsInteger)
{
    public static ColumnValue Of(long value) => new(value.ToString(CultureInfo.InvariantCulture), true);

    public static ColumnValue Of(string value) => new(value, false);

    /// <summary>The value of a data field: integers (<c>1</c>, <c>1.0</c>) become integer values, anything else a string.</summary>
    public static ColumnValue Parse(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number) && Math.Abs(number) < 1e15 && number == Math.Floor(number))
        {
            return Of((long)number);
        }

        return Of(trimmed.ToString());
    }

    public override string ToString() => Text;
}

/// <summary>Reads a <see cref="ColumnValue"/> from a JSON integer or string and writes it back the same way.</summary>
internal sealed class ColumnValueJsonConverter : JsonConverter<ColumnValue>
{
    public override ColumnValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => ColumnValue.Of(reader.GetString()!),
        JsonTokenType.Number when reader.TryGetInt64(out var value) => ColumnValue.Of(value),
        _ => throw new JsonException("must be a whole number or a string"),
    };

    public override void Write(Utf8JsonWriter writer, ColumnValue value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.IsInteger)
        {
            writer.WriteNumberValue(long.Parse(value.Text, CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteStringValue(value.Text);
        }
    }
}
