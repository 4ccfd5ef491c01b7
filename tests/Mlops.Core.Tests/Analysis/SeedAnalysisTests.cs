using Mlops.Core.Analysis;
using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.Training;

namespace Mlops.Core.Tests.Analysis;

/// <summary>The analysis's numbers on the seed's real data, checked against the generator's known drift and direct computations.</summary>
[Collection(SeedAnalysisGroup.Name)]
public sealed class SeedAnalysisTests(SeedAnalysisFixture seed)
{
    private ProductionAnalysis Analysis => seed.AtMonth36;

    private FeatureTrend Trend(Feature feature) => Analysis.Trends.Single(t => t.Feature == feature.Name);

    [Fact]
    public void Age_rises_about_a_tenth_of_a_year_per_month()
    {
        var age = Trend(Feature.Find("age")!);
        Assert.InRange(age.SlopePerMonth, 0.08, 0.12);
        Assert.Equal(seed.Typed.Column(Feature.Find("age")!).Average(), age.ReferenceMean, 9);
        Assert.Equal(seed.TypedMonths[^1].Column(Feature.Find("age")!).Average(), age.LastMean, 9);
    }

    [Fact]
    public void Miles_fall_about_a_thousand_per_month()
    {
        var miles = Trend(Feature.Find("miles")!);
        Assert.InRange(miles.SlopePerMonth, -1.05, -0.95);
        Assert.True(miles.LastMean < miles.ReferenceMean - 30, $"miles {miles.ReferenceMean} → {miles.LastMean}");
    }

    [Fact]
    public void The_share_of_cars_with_emergency_braking_rises_about_one_and_a_half_points_per_month()
    {
        var braking = Trend(Feature.Find("emergency_braking")!);
        Assert.InRange(braking.SlopePerMonth, 0.013, 0.017);
        Assert.InRange(braking.LastMean, 0.9, 1.0);
    }

    [Fact]
    public void Drift_starts_where_the_default_tests_see_it_miles_2_emergency_braking_10_age_11()
    {
        var first = Analysis.Drift.ToDictionary(d => d.Feature, d => d.FirstDriftedMonth);
        Assert.Equal(2, first["miles"]);
        Assert.Equal(10, first["emergency_braking"]);
        Assert.Equal(11, first["age"]);
        Assert.Null(first["training"]);
        Assert.Null(first["braking_distance"]);
        Assert.Null(first["power"]);
        var age = Analysis.Drift.Single(d => d.Feature == "age");
        Assert.False(age.Drifted[Analysis.Months.ToList().IndexOf(12)]);
        Assert.Equal(age.Drifted.Count(d => d), age.DriftedMonths);
    }

    [Fact]
    public void The_interpretation_names_the_talks_findings_with_their_numbers()
    {
        var byTopic = Analysis.Observations.ToLookup(o => o.Topic);
        Assert.Equal("people get older, slowly", byTopic["age"].Single().Meaning);
        Assert.Contains("+0.10 per month", byTopic["age"].Single().Text, StringComparison.Ordinal);
        Assert.Equal("people drive less (and take the train)", byTopic["miles"].Single().Meaning);
        Assert.Equal("cars get safer", byTopic["emergency_braking"].Single().Meaning);
        Assert.Null(byTopic["power"].Single().Meaning);
        Assert.Contains("stable", byTopic["power"].Single().Text, StringComparison.Ordinal);
        var skill = byTopic["concept"].First();
        Assert.Equal("the driver's own skill matters less", skill.Meaning);
        Assert.Contains("month 12", skill.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_driver_skill_effect_shrinks_in_the_labeled_months_while_the_cars_stays()
    {
        var month12 = seed.Months.Single(m => m.Month == 12);
        var skillBefore = FeatureEffect.Of(seed.Reference, Feature.Find("training")!.Name);
        var skillAfter = FeatureEffect.Of(month12, Feature.Find("training")!.Name);
        Assert.InRange(skillBefore, 3.5, 4.5);
        Assert.True(skillAfter < skillBefore - 0.6, $"training lowers risk by {skillBefore} → {skillAfter}");
        Assert.InRange(FeatureEffect.Of(month12, Feature.Find("emergency_braking")!.Name) - FeatureEffect.Of(seed.Reference, Feature.Find("emergency_braking")!.Name), -0.2, 0.2);
    }

    [Fact]
    public void At_month_36_only_months_1_to_12_have_realised_accuracy()
    {
        Assert.Equal(36, Analysis.AtMonth);
        Assert.Equal(Enumerable.Range(1, 12), Analysis.LabeledMonths);
        Assert.All(Analysis.Performance.Where(p => p.Month > 12), p => Assert.Null(p.RealisedAccuracy));
        Assert.All(Analysis.Performance, p => Assert.Equal(p.Month + 24, p.LabelsArriveAt));
        Assert.All(Analysis.Performance, p => Assert.NotNull(p.EstimatedAccuracy));
        Assert.Contains(Analysis.Notes, n => n.Contains("24 month files hold labels that have not arrived", StringComparison.Ordinal));
    }

    [Fact]
    public void The_realised_accuracy_of_month_12_is_the_models_accuracy_on_its_labels()
    {
        var month12 = seed.Months[11].Data;
        var direct = Accuracy.Of(ProblemModelTrainer.PredictAll(seed.Trained.Classifier, month12), month12.Labels, Enumerable.Range(0, month12.RowCount));
        var reported = Analysis.Performance.Single(p => p.Month == 12);
        Assert.Equal(direct, reported.RealisedAccuracy!.Value, 12);
        Assert.InRange(direct, 0.78, 0.83);
    }

    [Fact]
    public void Earlier_now_leaves_out_later_months_and_later_labels()
    {
        var at30 = seed.Analyze(new AnalysisOptions { AtMonth = 30 });
        Assert.Equal(Enumerable.Range(1, 30), at30.Months);
        Assert.Equal(Enumerable.Range(1, 6), at30.LabeledMonths);
        Assert.Contains(at30.Notes, n => n.Contains("months after month 30", StringComparison.Ordinal));
        Assert.Equal(30, at30.HistogramMonth);
    }

    [Fact]
    public void Negative_miles_and_the_fallback_share_are_counted_as_a_direct_count_says()
    {
        var month36 = seed.TypedMonths[^1];
        var quality = Analysis.Quality.Single(q => q.Month == 36);
        Assert.Equal(month36.Records.Count(r => r.Features.Miles < 0), quality.ImpossibleValues["miles"]);
        Assert.True(quality.ImpossibleValues["miles"] > 300, $"{quality.ImpossibleValues["miles"]} negative miles in month 36");
        Assert.Equal(0, Analysis.Quality.Single(q => q.Month == 1).ImpossibleValues["miles"]);

        var data = seed.Months[^1].Data;
        var predictions = ProblemModelTrainer.PredictAll(seed.Trained.Classifier, data);
        var ranges = TrainingRanges.Of(seed.Trained.Card, Core.Problems.ProblemSchema.Insurance);
        var vector = new double[data.Schema.Features.Count];
        var fallbacks = Enumerable.Range(0, data.RowCount).Select(i =>
        {
            data.CopyRow(i, vector);
            return FallbackRule.Default.Decide(vector, ranges, predictions[i]);
        }).Count(d => d.UsesBaseline);
        Assert.Equal(fallbacks / 1500.0, quality.FallbackShare!.Value, 12);
        Assert.Equal(month36.Records.Count(r => !seed.Trained.Card.FeatureRanges["miles"].Contains(r.Features.Miles)), quality.OutsideTrainingRange!["miles"]);
    }

    [Fact]
    public void Histograms_compare_the_latest_month_by_default_or_the_chosen_one()
    {
        Assert.All(Analysis.Histograms, h =>
        {
            Assert.Equal(36, h.Month);
            Assert.Equal(1.0, h.ReferenceShares.Sum(), 9);
            Assert.Equal(1.0, h.CurrentShares.Sum(), 9);
        });
        var miles = Analysis.Histograms.Single(h => h.Feature == "miles");
        Assert.Equal(miles.ReferenceShares.Count + 1, miles.Edges.Count);
        Assert.True(miles.Drifted);
        var at12 = seed.Analyze(new AnalysisOptions { HistogramMonth = 12 }, withModel: false);
        Assert.All(at12.Histograms, h => Assert.Equal(12, h.Month));
    }

    [Fact]
    public void Without_a_model_the_prediction_parts_are_skipped_and_the_report_says_so()
    {
        var analysis = seed.Analyze(new AnalysisOptions(), withModel: false);
        Assert.Null(analysis.Model);
        Assert.Empty(analysis.Predictions);
        Assert.Empty(analysis.Performance);
        Assert.Null(analysis.Estimation);
        Assert.All(analysis.Quality, q => Assert.Null(q.FallbackShare));
        Assert.Contains(analysis.Notes, n => n.StartsWith("no model given", StringComparison.Ordinal));
        Assert.Equal(Analysis.Drift.Select(d => d.FirstDriftedMonth), analysis.Drift.Select(d => d.FirstDriftedMonth));
    }

    [Fact]
    public void A_now_before_the_first_month_or_a_month_given_twice_is_bad_input()
    {
        Assert.Throws<InvalidInputException>(() => ProductionAnalyzer.Analyze(seed.Reference, null, seed.Months.Skip(5).ToArray(), null, new AnalysisOptions { AtMonth = 3 }));
        var twice = new[] { seed.Months[0], seed.Months[0] with { Data = seed.Months[1].Data } };
        var error = Assert.Throws<InvalidInputException>(() => ProductionAnalyzer.Analyze(seed.Reference, null, twice, null, new AnalysisOptions()));
        Assert.Contains("month 1 is given twice", error.Message, StringComparison.Ordinal);
    }
}
