namespace Mlops.Core.Training;

/// <summary>What the ML.NET model answers: one probability per class, indexed like the problem's classes.</summary>
public sealed class ModelOutput
{
    public const string ScoreColumn = "Score";

    [Microsoft.ML.Data.ColumnName(ScoreColumn)]
    public float[] Score { get; set; } = [];
}
