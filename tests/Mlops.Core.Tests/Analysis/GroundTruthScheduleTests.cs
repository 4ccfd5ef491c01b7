using Mlops.Core.Analysis;

namespace Mlops.Core.Tests.Analysis;

public sealed class GroundTruthScheduleTests
{
    [Fact]
    public void At_month_36_only_months_1_to_12_have_labels()
    {
        var schedule = new GroundTruthSchedule(24);
        var labeled = Enumerable.Range(1, 36).Where(m => schedule.HasLabels(m, atMonth: 36)).ToArray();
        Assert.Equal(Enumerable.Range(1, 12), labeled);
        Assert.Equal(12, schedule.LastLabeledMonth(36));
    }

    [Fact]
    public void The_labels_of_month_12_arrive_at_month_36_not_before()
    {
        var schedule = GroundTruthSchedule.Default;
        Assert.Equal(24, schedule.LabelDelayMonths);
        Assert.Equal(36, schedule.LabelsArriveAt(12));
        Assert.False(schedule.HasLabels(12, atMonth: 35));
        Assert.True(schedule.HasLabels(12, atMonth: 36));
    }

    [Fact]
    public void Before_month_25_no_production_month_has_labels_but_the_reference_has()
    {
        var schedule = GroundTruthSchedule.Default;
        Assert.Null(schedule.LastLabeledMonth(24));
        Assert.Equal(1, schedule.LastLabeledMonth(25));
        Assert.DoesNotContain(Enumerable.Range(1, 24), m => schedule.HasLabels(m, atMonth: 24));
        Assert.True(schedule.HasLabels(0, atMonth: 1));
    }

    [Fact]
    public void The_delay_is_configurable_and_zero_means_labels_at_once()
    {
        Assert.True(new GroundTruthSchedule(0).HasLabels(36, atMonth: 36));
        Assert.Equal(Enumerable.Range(1, 30), Enumerable.Range(1, 36).Where(m => new GroundTruthSchedule(6).HasLabels(m, 36)));
    }

    [Fact]
    public void A_negative_delay_is_bad_input()
    {
        var error = Assert.Throws<InvalidInputException>(() => new GroundTruthSchedule(-1));
        Assert.Contains("-1", error.Message, StringComparison.Ordinal);
    }
}
