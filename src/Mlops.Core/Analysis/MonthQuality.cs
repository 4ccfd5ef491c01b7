namespace Mlops.Core.Analysis;

/// <summary>Data quality of one month, next to its drift.</summary>
/// <param name="Month">The month.</param>
/// <param name="Rows">Requests in the month.</param>
/// <param name="ImpossibleValues">Per feature, values no customer can have (e.g. negative miles).</param>
/// <param name="RowsWithImpossibleValues">Rows with at least one impossible value.</param>
/// <param name="OutsideTrainingRange">Per feature with a training range, values outside it (with a model).</param>
/// <param name="FallbackOutOfRange">Requests the fallback rule would answer because an input is outside the training ranges.</param>
/// <param name="FallbackLowCertainty">Requests it would answer because the model is unsure.</param>
/// <param name="FallbackShare">Share of requests the rule baseline would answer.</param>
public sealed record MonthQuality(
    int Month,
    int Rows,
    IReadOnlyDictionary<string, int> ImpossibleValues,
    int RowsWithImpossibleValues,
    IReadOnlyDictionary<string, int>? OutsideTrainingRange,
    int? FallbackOutOfRange,
    int? FallbackLowCertainty,
    double? FallbackShare);
