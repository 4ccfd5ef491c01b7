using Mlops.Core.Data;

namespace Mlops.Core.Training;

/// <summary>A labeled row for fitting: the model's input plus the class (0 = high … 2 = low).</summary>
internal sealed class TrainingRow : ModelInput
{
    public const string GroupColumn = "group";

    [Microsoft.ML.Data.ColumnName(GroupColumn)]
    public uint Group { get; set; }

    public static TrainingRow From(InsuranceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var row = new TrainingRow { Group = (uint)(record.Group ?? throw new ArgumentException("row has no label", nameof(record))) };
        row.Set(record.Features);
        return row;
    }
}
