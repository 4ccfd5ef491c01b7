using Mlops.Core.Data;
using Mlops.Core.Estimation;
using Mlops.Core.Models;

namespace Mlops.Core.Tests.Estimation;

public sealed class CalibrationTests
{
    [Fact]
    public void The_area_under_the_curve_counts_ordered_pairs_and_ties_half()
    {
        Assert.Equal(1.0, ProbabilityCalibration.AreaUnderCurve([0.1, 0.2, 0.8, 0.9], [false, false, true, true]), 12);
        Assert.Equal(0.0, ProbabilityCalibration.AreaUnderCurve([0.9, 0.8, 0.2, 0.1], [false, false, true, true]), 12);
        Assert.Equal(0.5, ProbabilityCalibration.AreaUnderCurve([0.5, 0.5], [false, true]), 12);
        Assert.Equal(0.75, ProbabilityCalibration.AreaUnderCurve([0.1, 0.4, 0.35, 0.8], [false, false, true, true]), 12);
    }

    [Fact]
    public void An_overconfident_model_is_recalibrated_and_its_estimate_matches_how_often_it_is_right()
    {
        // A model that always says 0.9 for its class but is right only 60 % of the time.
        var random = new Random(11);
        var predictions = new List<ClassPrediction>();
        var labels = new List<RiskGroup>();
        for (var i = 0; i < 3000; i++)
        {
            var predicted = (RiskGroup)random.Next(3);
            var probabilities = new double[3];
            probabilities[(int)predicted] = 0.9 - (random.NextDouble() * 0.01);
            probabilities[((int)predicted + 1) % 3] = (1 - probabilities[(int)predicted]) / 2;
            probabilities[((int)predicted + 2) % 3] = (1 - probabilities[(int)predicted]) / 2;
            predictions.Add(ClassPrediction.FromProbabilities(probabilities));
            labels.Add(random.NextDouble() < 0.6 ? predicted : (RiskGroup)(((int)predicted + 1 + random.Next(2)) % 3));
        }

        var estimator = ConfidenceBasedPerformanceEstimator.Fit(predictions, [.. labels.Select(l => (int)l)], RiskGroups.Count, seed: 1);
        Assert.InRange(predictions.Average(p => p.Certainty), 0.88, 0.9);
        Assert.InRange(estimator.ReferenceAccuracy, 0.58, 0.62);
        Assert.InRange(estimator.ReferenceEstimate.Estimated, estimator.ReferenceAccuracy - 0.03, estimator.ReferenceAccuracy + 0.03);
        Assert.Contains(RiskGroups.All, g => estimator.Calibration.IsCalibrated((int)g));
    }

    [Fact]
    public void Calibrated_probabilities_sum_to_one()
    {
        var predictions = Enumerable.Range(0, 300).Select(i => ClassPrediction.FromProbabilities([0.2 + (i % 7 * 0.05), 0.3, 0.5 - (i % 7 * 0.05)])).ToArray();
        var labels = Enumerable.Range(0, 300).Select(i => i % 3).ToArray();
        var calibration = ProbabilityCalibration.Fit(predictions, labels, 3);
        Assert.All(predictions, p => Assert.Equal(1.0, calibration.Calibrate(p).Sum(), 12));
    }
}
