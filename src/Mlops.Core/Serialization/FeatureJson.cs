using System.Globalization;
using System.Text.Json;
using Mlops.Core.Problems;

namespace Mlops.Core.Serialization;

/// <summary>
/// A problem's features as JSON properties, the way its service reads them: the problem's names, numbers
/// as they are, flags as 0/1, a category as the schema writes it (text or whole number), a missing value
/// as <c>null</c>. The body of <c>/predict</c> and the rows of the monitor's <c>/iterate</c>; one writer
/// for every client, the names encoded once per problem.
/// </summary>
public sealed class FeatureJson
{
    private readonly JsonEncodedText[] _names;
    private readonly FeatureDefinition[] _features;
    private readonly JsonEncodedText _label;

    public FeatureJson(ProblemSchema problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
        _features = [.. problem.Features];
        _names = [.. _features.Select(f => JsonEncodedText.Encode(f.Name))];
        _label = JsonEncodedText.Encode(problem.Label.Column);
    }

    public ProblemSchema Problem { get; }

    /// <summary>
    /// Writes one property per feature into the object the writer is in; <paramref name="vector"/> is
    /// <see cref="ProblemDataset.CopyRow"/>'s (the problem's order, categories as indices, missing NaN).
    /// </summary>
    public void WriteProperties(Utf8JsonWriter json, ReadOnlySpan<double> vector)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (vector.Length != _features.Length)
        {
            throw new ArgumentException($"{vector.Length} values for the {_features.Length} features of problem '{Problem.Name}'", nameof(vector));
        }

        for (var f = 0; f < _features.Length; f++)
        {
            var value = vector[f];
            var name = _names[f];
            if (double.IsNaN(value))
            {
                json.WriteNull(name);
                continue;
            }

            switch (_features[f].Kind)
            {
                case FeatureType.Binary:
                    json.WriteNumber(name, value != 0 ? 1 : 0);
                    break;
                case FeatureType.Categorical:
                    Write(json, name, _features[f].Categories![(int)value]);
                    break;
                default:
                    json.WriteNumber(name, value);
                    break;
            }
        }
    }

    /// <summary>Writes the label column with the value of class <paramref name="classIndex"/> as the data writes it.</summary>
    public void WriteLabel(Utf8JsonWriter json, int classIndex)
    {
        ArgumentNullException.ThrowIfNull(json);
        Write(json, _label, Problem.Label.Classes[classIndex].Value);
    }

    private static void Write(Utf8JsonWriter json, JsonEncodedText name, ColumnValue value)
    {
        if (value.IsInteger)
        {
            json.WriteNumber(name, long.Parse(value.Text, CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteString(name, value.Text);
        }
    }
}
