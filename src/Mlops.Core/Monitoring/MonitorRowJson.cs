using System.Text.Json;
using Mlops.Core.Problems;

namespace Mlops.Core.Monitoring;

/// <summary>
/// Writes <see cref="MonitorRow"/>s as the body of <see cref="MonitorRoutes.Iterate"/>: a JSON array of
/// objects, one property per feature under the problem's name, then <see cref="MonitorRowFields.Prediction"/>,
/// <see cref="MonitorRowFields.Source"/> and, when the row has them, <c>p_&lt;class&gt;</c>. Names are
/// encoded once per problem, not per row.
/// </summary>
public sealed class MonitorRowJson
{
    private readonly JsonEncodedText[] _features;
    private readonly JsonEncodedText[] _probabilities;

    public MonitorRowJson(ProblemSchema problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        _features = [.. problem.Features.Select(f => JsonEncodedText.Encode(f.Name))];
        _probabilities = [.. problem.Label.Classes.Select(c => JsonEncodedText.Encode(MonitorRowFields.Probability(c.Name)))];
    }

    /// <summary>The talk's problem.</summary>
    public static MonitorRowJson Insurance { get; } = new(ProblemSchema.Insurance);

    /// <summary>The rows as one request body.</summary>
    public byte[] Serialize(IReadOnlyList<MonitorRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var buffer = new MemoryStream(rows.Count * 128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                Write(json, row);
            }

            json.WriteEndArray();
        }

        return buffer.ToArray();
    }

    /// <summary>Writes one row object.</summary>
    public void Write(Utf8JsonWriter json, MonitorRow row)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(row);
        if (row.Features.Count != _features.Length)
        {
            throw new ArgumentException($"a row has {_features.Length} features, got {row.Features.Count}", nameof(row));
        }

        json.WriteStartObject();
        for (var i = 0; i < _features.Length; i++)
        {
            WriteValue(json, _features[i], row.Features[i]);
        }

        if (row.Prediction is { } prediction)
        {
            json.WriteNumber(MonitorRowFields.Prediction, prediction);
        }

        if (row.Source is { } source)
        {
            json.WriteString(MonitorRowFields.Source, source);
        }

        if (row.Probabilities is { } probabilities)
        {
            for (var i = 0; i < _probabilities.Length && i < probabilities.Count; i++)
            {
                WriteValue(json, _probabilities[i], probabilities[i]);
            }
        }

        json.WriteEndObject();
    }

    /// <summary>A missing value is null: JSON has no NaN.</summary>
    private static void WriteValue(Utf8JsonWriter json, JsonEncodedText name, double value)
    {
        if (double.IsNaN(value))
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteNumber(name, value);
        }
    }
}
