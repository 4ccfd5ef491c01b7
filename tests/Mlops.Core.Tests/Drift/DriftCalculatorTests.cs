using Mlops.Core.Data;
using Mlops.Core.Drift;

namespace Mlops.Core.Tests.Drift;

public sealed class DriftCalculatorTests
{
    private static readonly ColumnMapping Mapping = new(
        [new DriftColumn("x", FeatureKind.Numerical), new DriftColumn("flag", FeatureKind.Categorical)],
        new DriftColumn("prediction", FeatureKind.Categorical));

    [Fact]
    public void Prediction_drift_is_reported_but_not_counted_in_the_share()
    {
        var reference = Table(1500, shift: 0, predictionClass: 0);
        var current = Table(1500, shift: 0, predictionClass: 2);
        var report = new DriftCalculator(Mapping, reference).Calculate(current, DateTimeOffset.UnixEpoch);
        Assert.Equal(0, report.NumberOfDriftedColumns);
        Assert.False(report.DatasetDrift);
        Assert.NotNull(report.PredictionDrift);
        Assert.True(report.PredictionDrift.Drifted);
        Assert.Equal("jensenshannon", report.PredictionDrift.StatTest);
    }

    [Fact]
    public void Half_the_columns_drifted_is_dataset_drift()
    {
        var report = new DriftCalculator(Mapping, Table(1500, 0, 0)).Calculate(Table(1500, shift: 5, predictionClass: 0), DateTimeOffset.UnixEpoch);
        Assert.Equal(1, report.NumberOfDriftedColumns);
        Assert.Equal(0.5, report.ShareOfDriftedColumns);
        Assert.True(report.DatasetDrift);
    }

    [Fact]
    public void Small_reference_uses_hypothesis_tests()
    {
        var report = new DriftCalculator(Mapping, Table(500, 0, 0)).Calculate(Table(500, 0, 0), DateTimeOffset.UnixEpoch);
        Assert.Equal("ks", report.Columns[0].StatTest);
        Assert.Equal("z", report.Columns[1].StatTest);
        Assert.Equal(1.0, report.Columns[0].DriftScore);
    }

    [Fact]
    public void Overrides_replace_test_and_threshold()
    {
        var mapping = Mapping.WithOverrides(new Dictionary<string, ColumnOverride> { ["x"] = new("psi", 0.2) });
        var report = new DriftCalculator(mapping, Table(1500, 0, 0)).Calculate(Table(1500, 0, 0), DateTimeOffset.UnixEpoch);
        Assert.Equal("psi", report.Columns[0].StatTest);
        Assert.Equal(0.2, report.Columns[0].Threshold);
    }

    [Fact]
    public void Bad_configuration_is_invalid_input_naming_the_column()
    {
        var unknownTest = Mapping.WithOverrides(new Dictionary<string, ColumnOverride> { ["x"] = new("magic") });
        Assert.Contains("'magic'", Assert.Throws<InvalidInputException>(() => new DriftCalculator(unknownTest, Table(10, 0, 0))).Message, StringComparison.Ordinal);
        var wrongKind = Mapping.WithOverrides(new Dictionary<string, ColumnOverride> { ["flag"] = new("ks") });
        Assert.Contains("'flag'", Assert.Throws<InvalidInputException>(() => new DriftCalculator(wrongKind, Table(10, 0, 0))).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidInputException>(() => Mapping.WithOverrides(new Dictionary<string, ColumnOverride> { ["nope"] = new("ks") }));
        var missing = new NumericTable("r", new Dictionary<string, double[]> { ["x"] = [1, 2] });
        Assert.Contains("'flag'", Assert.Throws<InvalidInputException>(() => new DriftCalculator(Mapping, missing)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_without_predictions_gives_no_prediction_drift()
    {
        var reference = new NumericTable("r", new Dictionary<string, double[]> { ["x"] = [1, 2, 3], ["flag"] = [0, 1, 0] });
        var calculator = new DriftCalculator(Mapping, reference);
        Assert.False(calculator.HasPredictionReference);
        Assert.Null(calculator.Calculate(Table(10, 0, 1), DateTimeOffset.UnixEpoch).PredictionDrift);
    }

    [Fact]
    public void Without_reference_predictions_the_target_labels_stand_in()
    {
        var reference = new NumericTable("r", new Dictionary<string, double[]> { ["x"] = [1, 2, 3, 4], ["flag"] = [0, 1, 0, 1], ["group"] = [0, 1, 2, 1] });
        var calculator = new DriftCalculator(Mapping with { Target = "group" }, reference);
        Assert.Equal("group", calculator.PredictionReferenceColumn);
        var current = new NumericTable("c", new Dictionary<string, double[]> { ["x"] = [1, 2, 3, 4], ["flag"] = [0, 1, 0, 1], ["prediction"] = [0, 1, 2, 1] });
        var prediction = calculator.Calculate(current, DateTimeOffset.UnixEpoch).PredictionDrift;
        Assert.NotNull(prediction);
        Assert.Equal(1.0, prediction.DriftScore);
        Assert.False(prediction.Drifted);
    }

    [Fact]
    public void Sorted_sample_drops_missing_values_and_reloads_in_place()
    {
        var sample = SortedSample.Of([3, double.NaN, 1, 2, 2]);
        Assert.Equal([1.0, 2, 2, 3], sample.Values.ToArray());
        Assert.Equal(3, sample.DistinctCount);
        sample.Load([5, 4], [double.NaN, 6]);
        Assert.Equal([4.0, 5, 6], sample.Values.ToArray());
        Assert.Equal(Math.Sqrt(2.0 / 3), sample.StandardDeviation, 12);
    }

    private static NumericTable Table(int rows, double shift, int predictionClass)
    {
        var random = new Random(42 + rows);
        var x = new double[rows];
        var flag = new double[rows];
        var prediction = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            x[i] = (random.NextDouble() * 10) + shift;
            flag[i] = i % 3 == 0 ? 1 : 0;
            prediction[i] = i % 4 == 0 ? predictionClass : 1;
        }

        return new NumericTable("t", new Dictionary<string, double[]> { ["x"] = x, ["flag"] = flag, ["prediction"] = prediction });
    }
}
