namespace Mlops.Core.Data;

/// <summary>An ordered set of insurance rows, e.g. the reference data or one month of production.</summary>
public sealed class InsuranceDataset
{
    public InsuranceDataset(string name, IReadOnlyList<InsuranceRecord> records)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(records);
        Name = name;
        Records = records;
    }

    /// <summary>A human name, usually the file name without directory (<c>month-12.csv</c>).</summary>
    public string Name { get; }

    public IReadOnlyList<InsuranceRecord> Records { get; }

    public int Count => Records.Count;

    /// <summary>True when every row carries its ground-truth group.</summary>
    public bool IsLabeled => Records.Count > 0 && Records.All(r => r.HasLabel);

    /// <summary>The values of one feature as a column; categorical features are 0/1.</summary>
    public double[] Column(Feature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var values = new double[Records.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = feature.ValueOf(Records[i].Features);
        }

        return values;
    }

    /// <summary>The ground-truth groups; throws when a row has no label.</summary>
    public RiskGroup[] Labels()
    {
        var labels = new RiskGroup[Records.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = Records[i].Group ?? throw new InvalidOperationException($"{Name}: row {i + 1} has no label");
        }

        return labels;
    }

    public InsuranceDataset Subset(string name, IEnumerable<int> rowIndices)
    {
        ArgumentNullException.ThrowIfNull(rowIndices);
        return new InsuranceDataset(name, rowIndices.Select(i => Records[i]).ToArray());
    }
}
