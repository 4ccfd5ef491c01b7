using System.Data.Common;
using Mlops.Core.Data;

namespace Mlops.Core.PredictionLog;

/// <summary>
/// Reads log rows from either database's data reader, in <see cref="PredictionLogSchema.Columns"/> order;
/// <c>eachRow</c> sees the reader on each row, for columns a query selects after those.
/// </summary>
internal static class PredictionLogRows
{
    public static async Task<IReadOnlyList<LoggedPrediction>> ReadAllAsync(
        DbDataReader reader, Func<DbDataReader, int, DateTimeOffset> readTime, CancellationToken cancellationToken, Action<DbDataReader>? eachRow = null)
    {
        var rows = new List<LoggedPrediction>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var features = new InsuranceFeatures(
                Training: Convert.ToInt32(reader.GetValue(8), System.Globalization.CultureInfo.InvariantCulture) != 0,
                Age: reader.GetDouble(9),
                EmergencyBraking: Convert.ToInt32(reader.GetValue(10), System.Globalization.CultureInfo.InvariantCulture) != 0,
                BrakingDistance: reader.GetDouble(11),
                Power: reader.GetDouble(12),
                Miles: reader.GetDouble(13));
            rows.Add(new LoggedPrediction(
                Id: reader.GetInt64(0),
                LoggedAt: readTime(reader, 1),
                ModelVersion: reader.GetString(2),
                Source: reader.GetString(3),
                Category: (RiskGroup)Convert.ToInt32(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture),
                PHigh: reader.GetDouble(5),
                PMedium: reader.GetDouble(6),
                PLow: reader.GetDouble(7),
                Features: features,
                PredictionId: reader.IsDBNull(14) ? Guid.Empty : ReadGuid(reader, 14),
                RequestId: reader.IsDBNull(15) ? null : reader.GetString(15)));
            eachRow?.Invoke(reader);
        }

        return rows;
    }

    /// <summary>PostgreSQL returns a UUID, SQLite the text it stored.</summary>
    private static Guid ReadGuid(DbDataReader reader, int ordinal) =>
        reader.GetValue(ordinal) is Guid id ? id : Guid.Parse(reader.GetString(ordinal));
}
