using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Mlops.Core.Data;
using Mlops.Core.Models;

namespace Mlops.Core.Training;

/// <summary>
/// A trained ML.NET model as an <see cref="IRiskModel"/>. ML.NET's transformer is thread-safe but its
/// <see cref="PredictionEngine{TSrc,TDst}"/> is not, so single predictions borrow an engine from a
/// pool (one per concurrent caller, reused); many rows at once go through the transformer in one
/// pass, which avoids the per-row engine overhead.
/// </summary>
public sealed class MlNetRiskModel : IRiskModel, IDisposable
{
    /// <summary>From this many rows on, <see cref="PredictAll"/> transforms them as one data view.</summary>
    private const int BatchThreshold = 32;

    private readonly MLContext _context;
    private readonly ObjectPool<PredictionEngine<ModelInput, ModelOutput>> _engines;

    internal MlNetRiskModel(string name, MLContext context, ITransformer transformer, DataViewSchema inputSchema)
    {
        Name = name;
        _context = context;
        Transformer = transformer;
        InputSchema = inputSchema;
        _engines = new DefaultObjectPoolProvider { MaximumRetained = Environment.ProcessorCount * 2 }
            .Create(new EnginePolicy(context, transformer, inputSchema));
    }

    public string Name { get; }

    internal ITransformer Transformer { get; }

    internal DataViewSchema InputSchema { get; }

    public RiskPrediction Predict(InsuranceFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var engine = _engines.Get();
        try
        {
            return ToPrediction(engine.Predict(ModelInput.From(features)).Score);
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    public IReadOnlyList<RiskPrediction> PredictAll(IReadOnlyList<InsuranceFeatures> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var predictions = new RiskPrediction[rows.Count];
        if (rows.Count < BatchThreshold)
        {
            for (var i = 0; i < predictions.Length; i++)
            {
                predictions[i] = Predict(rows[i]);
            }

            return predictions;
        }

        var input = _context.Data.LoadFromEnumerable(rows.Select(ModelInput.From));
        var output = _context.Data.CreateEnumerable<ModelOutput>(Transformer.Transform(input), reuseRowObject: true);
        var index = 0;
        foreach (var row in output)
        {
            predictions[index++] = ToPrediction(row.Score);
        }

        return predictions;
    }

    public void Dispose() => (_engines as IDisposable)?.Dispose();

    /// <summary>Scores as probabilities that sum to exactly 1 (the trainer's floats are off by rounding).</summary>
    internal static RiskPrediction ToPrediction(float[] score)
    {
        if (score.Length != RiskGroups.Count)
        {
            throw new InvalidOperationException($"the model scored {score.Length} classes, expected {RiskGroups.Count}");
        }

        double sum = 0;
        foreach (var s in score)
        {
            sum += s;
        }

        var probabilities = new double[score.Length];
        for (var i = 0; i < probabilities.Length; i++)
        {
            probabilities[i] = score[i] / sum;
        }

        return RiskPrediction.FromProbabilities(probabilities);
    }

    private sealed class EnginePolicy(MLContext context, ITransformer transformer, DataViewSchema inputSchema)
        : PooledObjectPolicy<PredictionEngine<ModelInput, ModelOutput>>
    {
        public override PredictionEngine<ModelInput, ModelOutput> Create() =>
            context.Model.CreatePredictionEngine<ModelInput, ModelOutput>(transformer, inputSchema);

        public override bool Return(PredictionEngine<ModelInput, ModelOutput> obj) => true;
    }
}
