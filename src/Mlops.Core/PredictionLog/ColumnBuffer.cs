using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Mlops.Core.PredictionLog;

/// <summary>One column of a Parquet row group being collected from database rows, whatever type the database gave.</summary>
internal abstract class ColumnBuffer
{
    public abstract int Count { get; }

    public static ColumnBuffer For(DataField field) => field switch
    {
        DateTimeDataField => new Values<DateTime>(v => PredictionLogArchive.Time(v)!.Value.UtcDateTime),
        DataField<string> => new Strings(),
        DataField<long> => new Values<long>(v => Convert.ToInt64(v, CultureInfo.InvariantCulture)),
        DataField<int> or DataField<int?> => new Values<int>(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)),
        _ => new Values<double>(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)),
    };

    public abstract void Add(object value);

    public abstract Task WriteAsync(ParquetRowGroupWriter group, DataField field, CancellationToken cancellationToken);

    private sealed class Strings : ColumnBuffer
    {
        private readonly List<string?> _values = [];

        public override int Count => _values.Count;

        // A PostgreSQL UUID arrives as a Guid: written in the same lower-case text SQLite holds.
        public override void Add(object value) => _values.Add(value is DBNull ? null : Convert.ToString(value, CultureInfo.InvariantCulture));

        public override Task WriteAsync(ParquetRowGroupWriter group, DataField field, CancellationToken cancellationToken) => group.WriteAsync(field, _values!);
    }

    private sealed class Values<T>(Func<object, T> convert) : ColumnBuffer
        where T : struct
    {
        private readonly List<T?> _values = [];

        public override int Count => _values.Count;

        public override void Add(object value) => _values.Add(value is DBNull ? null : convert(value));

        public override Task WriteAsync(ParquetRowGroupWriter group, DataField field, CancellationToken cancellationToken) =>
            field.IsNullable
                ? group.WriteAsync(field, new ReadOnlyMemory<T?>([.. _values]), cancellationToken: cancellationToken)
                : group.WriteAsync(field, new ReadOnlyMemory<T>([.. _values.Select(v => v!.Value)]), cancellationToken: cancellationToken);
    }
}
