using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.Problems;
using Mlops.Core.Training;

namespace Mlops.Core.Estimation;

/// <summary>
/// Trains the fold models of <see cref="CrossFittedPredictions"/> the way the card says its model was
/// trained: the default trainer for a card with a feature encoding (any problem), the talk's insurance
/// trainer (maximum entropy on the sweet-spot distances, located by the file's risk score) otherwise.
/// </summary>
public static class FoldTrainer
{
    /// <param name="card">The model's card: trainer, hyper-parameters, seed.</param>
    /// <param name="data">The labeled rows the folds are cut from.</param>
    /// <param name="scores">Per row, the score its label was cut from (the seed's risk), when the file has one.</param>
    /// <exception cref="InvalidInputException">The card does not record how its model was trained.</exception>
    public static Func<IReadOnlyList<int>, IClassifier> For(ModelCard card, ProblemDataset data, IReadOnlyList<double>? scores)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(data);
        var options = TrainingOptionsFromCard.Read(card);
        if (card.Encoding is not null)
        {
            return rows => ProblemModelTrainer.FitRows(data, rows, options);
        }

        var records = InsuranceRecords(data, scores);
        return rows => RiskModelTrainer.FitRows([.. rows.Select(i => records[i])], options);
    }

    /// <summary>The insurance trainer's typed rows of the problem's vectors, labels and risk scores.</summary>
    private static InsuranceRecord[] InsuranceRecords(ProblemDataset data, IReadOnlyList<double>? scores)
    {
        var vector = new double[data.Schema.Features.Count];
        var labels = data.Labels;
        var records = new InsuranceRecord[data.RowCount];
        for (var i = 0; i < records.Length; i++)
        {
            data.CopyRow(i, vector);
            records[i] = new InsuranceRecord(InsuranceVector.Read(vector), scores?[i], InsuranceVector.Group(labels[i]));
        }

        return records;
    }
}
