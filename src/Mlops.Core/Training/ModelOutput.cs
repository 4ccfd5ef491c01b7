namespace Mlops.Core.Training;

/// <summary>What the ML.NET model answers: one probability per class, indexed like <see cref="Data.RiskGroup"/>.</summary>
public sealed class ModelOutput
{
    public const string ScoreColumn = "Score";

    [Microsoft.ML.Data.ColumnName(ScoreColumn)]
    public float[] Score { get; set; } = [];
}
