using System.Text.Json;
using Mlops.Core.Data;
using Mlops.Core.PredictionLog;
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

    /// <summary>
    /// Reads <c>month-N.csv</c>. For the service: one <c>/predict</c> body per customer (the six
    /// features and the customer's <see cref="CustomerKey"/> as <c>request_id</c>). For the monitor (mock): the seed's client's body, the whole CSV row in an array.
    /// </summary>
    public static ReplayMonth Load(string folder, int month, bool forMonitor)
    {
        var file = FileOf(folder, month);
        if (!System.IO.File.Exists(file))
        {
            throw new FileNotFoundException($"{file}: month {month} is missing (mlops data generate --out DIR writes month-1.csv … month-36.csv)", file);
        }

        var records = InsuranceCsvReader.ReadFile(file).Records;
        return new ReplayMonth(month, file, [.. records.Select((r, i) => forMonitor ? MonitorBody(r) : PredictBody(r.Features, CustomerKey.Of(month, i)))]);
    }

    public static byte[] PredictBody(InsuranceFeatures features, string? requestId = null)
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

            FeatureJson.WriteProperties(json, features);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static byte[] MonitorBody(InsuranceRecord record)
    {
        using var buffer = new MemoryStream(220);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStartObject();
            FeatureJson.WriteProperties(json, record.Features);
            if (record.Risk is { } risk)
            {
                json.WriteNumber("risk"u8, risk);
            }

            if (record.Group is { } group)
            {
                json.WriteString("group_name"u8, group.Name());
                json.WriteNumber("group"u8, (int)group);
            }

            json.WriteEndObject();
            json.WriteEndArray();
        }

        return buffer.ToArray();
    }
}
