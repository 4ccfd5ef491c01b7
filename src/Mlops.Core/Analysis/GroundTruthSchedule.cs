namespace Mlops.Core.Analysis;

/// <summary>
/// When the ground truth of a production month becomes known. In the talk it arrives two years late:
/// whether a customer of month m was high risk is known at month m + 24. An analysis at month N may
/// therefore only use the labels of months m ≤ N − delay — the others exist in a file, but not yet in
/// the world being simulated. The reference (month 0, the training data) is labeled from the start.
/// </summary>
public sealed record GroundTruthSchedule
{
    public const int DefaultLabelDelayMonths = 24;

    /// <exception cref="InvalidInputException">A negative delay.</exception>
    public GroundTruthSchedule(int labelDelayMonths = DefaultLabelDelayMonths)
    {
        if (labelDelayMonths < 0)
        {
            throw new InvalidInputException($"the label delay must be 0 or more months, got {labelDelayMonths}");
        }

        LabelDelayMonths = labelDelayMonths;
    }

    public static GroundTruthSchedule Default { get; } = new();

    /// <summary>Months between a request and its ground truth.</summary>
    public int LabelDelayMonths { get; }

    /// <summary>The month at which the labels of <paramref name="month"/> arrive.</summary>
    public int LabelsArriveAt(int month) => month + LabelDelayMonths;

    /// <summary>Whether the labels of <paramref name="month"/> are known at <paramref name="atMonth"/>.</summary>
    public bool HasLabels(int month, int atMonth) => month == 0 || LabelsArriveAt(month) <= atMonth;

    /// <summary>The latest production month whose labels are known at <paramref name="atMonth"/>; null when none is.</summary>
    public int? LastLabeledMonth(int atMonth) => atMonth - LabelDelayMonths >= 1 ? atMonth - LabelDelayMonths : null;
}
