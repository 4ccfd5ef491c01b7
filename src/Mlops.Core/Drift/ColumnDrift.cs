namespace Mlops.Core.Drift;

/// <summary>The drift verdict for one column of one window.</summary>
/// <param name="Column">Column name.</param>
/// <param name="ColumnType"><c>num</c> or <c>cat</c>, Evidently's feature type.</param>
/// <param name="StatTest">The test that was run (Evidently's name).</param>
/// <param name="DriftScore">p-value or distance, as the test defines; Evidently's monitoring calls it <c>p_value</c> either way.</param>
/// <param name="Threshold">Threshold used.</param>
/// <param name="Drifted">The column drifted.</param>
/// <param name="ReferenceRows">Values compared from the reference.</param>
/// <param name="CurrentRows">Values compared from the current window.</param>
public sealed record ColumnDrift(
    string Column,
    string ColumnType,
    string StatTest,
    double DriftScore,
    double Threshold,
    bool Drifted,
    int ReferenceRows,
    int CurrentRows);
