using System.Data.Common;
using System.Globalization;

namespace Mlops.Core.PredictionLog;

/// <summary>
/// Reads log rows from either database's data reader, in <see cref="PredictionLogColumns"/> order;
/// <c>eachRow</c> sees the reader on each row, for columns a query selects after those.
/// </summary>
internal static class PredictionLogRows
{
    public static async Task<IReadOnlyList<LoggedPrediction>> ReadAllAsync(
        DbDataReader reader, PredictionLogColumns columns, Func<DbDataReader, int, DateTimeOffset> readTime, CancellationToken cancellationToken, Action<DbDataReader>? eachRow = null)
    {
        var rows = new List<LoggedPrediction>();
        var classes = columns.Classes.Count;
        var features = columns.Features.Count;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var probabilities = new double[classes];
            for (var c = 0; c < classes; c++)
            {
                probabilities[c] = reader.GetDouble(columns.FirstProbability + c);
            }

            var vector = new double[features];
            for (var f = 0; f < features; f++)
            {
                var ordinal = columns.FirstFeature + f;
                vector[f] = reader.IsDBNull(ordinal) ? double.NaN : Convert.ToDouble(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
            }

            rows.Add(new LoggedPrediction(
                Id: reader.GetInt64(0),
                LoggedAt: readTime(reader, 1),
                ModelVersion: reader.GetString(2),
                Source: reader.GetString(3),
                Category: Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture),
                Probabilities: probabilities,
                Features: vector,
                PredictionId: reader.IsDBNull(columns.PredictionId) ? Guid.Empty : ReadGuid(reader, columns.PredictionId),
                RequestId: reader.IsDBNull(columns.RequestId) ? null : reader.GetString(columns.RequestId)));
            eachRow?.Invoke(reader);
        }

        return rows;
    }

    /// <summary>PostgreSQL returns a UUID, SQLite the text it stored.</summary>
    private static Guid ReadGuid(DbDataReader reader, int ordinal) =>
        reader.GetValue(ordinal) is Guid id ? id : Guid.Parse(reader.GetString(ordinal));
}
