using System.Text.Json;
using Mlops.Core.PredictionLog;
using Mlops.Core.Problems;
using Mlops.Core.Serialization;

namespace Mlops.Cli.Simulation;

/// <summary>One month's customers as ready request bodies, serialised once before any is sent.</summary>
public sealed class ReplayMonth
{
    private ReplayMonth(int month, string file, IReadOnlyList<byte[]> bodies)
    {
        Month = month;
        File = file;
        Bodies = bodies;
    }

    public int Month { get; }

    public string File { get; }

    public IReadOnlyList<byte[]> Bodies { get; }

    public int Rows => Bodies.Count;

    /// <summary>The file of a month in a data folder: <c>month-N.csv</c>.</summary>
    public static string FileOf(string folder, int month) =>
        Path.Combine(folder, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"month-{month}.csv"));

    /// <summary>The file of <paramref name="month"/>, which must exist.</summary>
    /// <exception cref="FileNotFoundException">It does not.</exception>
    public static string ExistingFile(string folder, int month)
    {
        var file = FileOf(folder, month);
        return System.IO.File.Exists(file)
            ? file
            : throw new FileNotFoundException($"{file}: month {month} is missing (mlops data generate --out DIR writes month-1.csv … month-36.csv)", file);
    }

    /// <summary>
    /// Reads <c>month-N.csv</c> as data of <paramref name="features"/>' problem (its columns, kinds and
    /// categories; impossible values are read: the service refuses them). For the service: one
    /// <c>/predict</c> body per customer (the features and the customer's <see cref="CustomerKey"/> as
    /// <c>request_id</c>). For the monitor (mock), as the seed's client sent them: one row in an array,
    /// the features and the label when the file has it.
    /// </summary>
    public static ReplayMonth Load(string folder, int month, bool forMonitor, FeatureJson features, char? separator = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        var file = ExistingFile(folder, month);
        var data = ProblemCsvReader.ReadFile(file, features.Problem, separator);
        var vector = new double[features.Problem.Features.Count];
        var bodies = new byte[data.RowCount][];
        for (var row = 0; row < data.RowCount; row++)
        {
            data.CopyRow(row, vector);
            bodies[row] = forMonitor
                ? MonitorBody(features, vector, data.IsLabeled ? data.Labels[row] : null)
                : PredictBody(features, vector, CustomerKey.Of(month, row));
        }

        return new ReplayMonth(month, file, bodies);
    }

    /// <summary>A <c>/predict</c> body: the features of <paramref name="vector"/> and, when given, the client's key.</summary>
    public static byte[] PredictBody(FeatureJson features, ReadOnlySpan<double> vector, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        using var buffer = new MemoryStream(180);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (requestId is not null)
            {
                json.WriteString(ClientKey.Name, requestId);
            }

            features.WriteProperties(json, vector);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static byte[] MonitorBody(FeatureJson features, ReadOnlySpan<double> vector, int? label)
    {
        using var buffer = new MemoryStream(220);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStartObject();
            features.WriteProperties(json, vector);
            if (label is { } classIndex)
            {
                features.WriteLabel(json, classIndex);
            }

            json.WriteEndObject();
            json.WriteEndArray();
        }

        return buffer.ToArray();
    }
}
