using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.Problems;

namespace Mlops.Core.Training;

/// <summary>
/// A trained ML.NET model of the talk's insurance problem, as an <see cref="IRiskModel"/> (the typed row) and
/// as an <see cref="IClassifier"/> (the insurance problem's feature vector, its columns named like the seed's CSV). ML.NET's transformer is thread-safe but its
/// <see cref="PredictionEngine{TSrc,TDst}"/> is not, so single predictions borrow an engine from a
/// pool (one per concurrent caller, reused); many rows at once borrow one engine for all of them.
/// </summary>
public sealed class MlNetRiskModel : IRiskModel, IClassifier, IMlNetModel
{
    private readonly ObjectPool<PredictionEngine<ModelInput, ModelOutput>> _engines;

    internal MlNetRiskModel(string name, MLContext context, ITransformer transformer, DataViewSchema inputSchema)
    {
        Name = name;
        Transformer = transformer;
        InputSchema = inputSchema;
        _engines = new DefaultObjectPoolProvider { MaximumRetained = Environment.ProcessorCount * 2 }
            .Create(new EnginePolicy(context, transformer, inputSchema));
    }

    public string Name { get; }

    public ProblemSchema Problem => ProblemSchema.Insurance;

    public ITransformer Transformer { get; }

    public DataViewSchema InputSchema { get; }

    /// <summary>The vector in the insurance problem's order, as the typed row the ML.NET model reads.</summary>
    public ClassPrediction Predict(ReadOnlySpan<double> features) =>
        InsuranceVector.ToClassPrediction(Predict(InsuranceVector.Read(features)));

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

    /// <summary>
    /// The batch path: one engine borrowed for all rows, one input and one output object reused.
    /// (Transforming the rows as one ML.NET data view was measured 4 – 7 times slower for 1,500 rows:
    /// setting up the cursors of the pipeline costs more than the rows themselves.)
    /// </summary>
    public IReadOnlyList<RiskPrediction> PredictAll(IReadOnlyList<InsuranceFeatures> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var predictions = new RiskPrediction[rows.Count];
        var engine = _engines.Get();
        try
        {
            var input = new ModelInput();
            var output = new ModelOutput();
            for (var i = 0; i < predictions.Length; i++)
            {
                input.Set(rows[i]);
                engine.Predict(input, ref output);
                predictions[i] = ToPrediction(output.Score);
            }
        }
        finally
        {
            _engines.Return(engine);
        }

        return predictions;
    }

    public void Dispose() => (_engines as IDisposable)?.Dispose();

    /// <summary>Scores as probabilities that sum to exactly 1 (<see cref="MlNetClassifier.Normalize"/>).</summary>
    internal static RiskPrediction ToPrediction(float[] score) =>
        RiskPrediction.FromProbabilities(MlNetClassifier.Normalize(score, RiskGroups.Count));

    private sealed class EnginePolicy(MLContext context, ITransformer transformer, DataViewSchema inputSchema)
        : PooledObjectPolicy<PredictionEngine<ModelInput, ModelOutput>>
    {
        public override PredictionEngine<ModelInput, ModelOutput> Create() =>
            context.Model.CreatePredictionEngine<ModelInput, ModelOutput>(transformer, inputSchema);

        public override bool Return(PredictionEngine<ModelInput, ModelOutput> obj) => true;
    }
}
