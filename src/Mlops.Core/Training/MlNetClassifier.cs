using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;
using Mlops.Core.Models;
using Mlops.Core.Problems;

namespace Mlops.Core.Training;

/// <summary>
/// A model of any problem as <see cref="ProblemModelTrainer"/> trains it: the feature vector is encoded by the card's
/// <see cref="FeatureEncoding"/> (imputation, one-hot) and the ML.NET model reads the encoded numbers as
/// one vector column. ML.NET's transformer is thread-safe but its prediction engine is not, so a
/// prediction borrows an engine from a pool (one per concurrent caller, reused).
/// </summary>
public sealed class MlNetClassifier : IMlNetModel
{
    private readonly RowEncoder _encoder;
    private readonly ObjectPool<PredictionEngine<EncodedRow, ModelOutput>> _engines;

    internal MlNetClassifier(string name, ProblemSchema problem, FeatureEncoding encoding, MLContext context, ITransformer transformer)
    {
        Name = name;
        Problem = problem;
        _encoder = encoding.For(problem);
        Transformer = transformer;
        var definition = EncodedRow.Definition(encoding.Width);
        InputSchema = context.Data.LoadFromEnumerable(Array.Empty<EncodedRow>(), definition).Schema;
        _engines = EnginePool(new EnginePolicy(context, transformer, definition));
    }

    public string Name { get; }

    public ProblemSchema Problem { get; }

    public ITransformer Transformer { get; }

    public DataViewSchema InputSchema { get; }

    public ClassPrediction Predict(ReadOnlySpan<double> features)
    {
        Problem.EnsureVector(features);

        var input = new EncodedRow { Features = new float[_encoder.Width] };
        _encoder.Encode(features, input.Features);
        var engine = _engines.Get();
        try
        {
            return ClassPrediction.FromProbabilities(Normalize(engine.Predict(input).Score, Problem.Label.Classes.Count));
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    public void Dispose() => (_engines as IDisposable)?.Dispose();

    /// <summary>A pool of ML.NET prediction engines, which are not thread-safe: one per concurrent caller, reused (two per core kept).</summary>
    internal static ObjectPool<T> EnginePool<T>(PooledObjectPolicy<T> policy)
        where T : class =>
        new DefaultObjectPoolProvider { MaximumRetained = Environment.ProcessorCount * 2 }.Create(policy);

    /// <summary>Scores as probabilities that sum to exactly 1 (the trainer's floats are off by rounding).</summary>
    internal static double[] Normalize(float[] score, int classCount)
    {
        if (score.Length != classCount)
        {
            throw new InvalidOperationException($"the model scored {score.Length} classes, expected {classCount}");
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

        return probabilities;
    }

    private sealed class EnginePolicy(MLContext context, ITransformer transformer, SchemaDefinition input)
        : PooledObjectPolicy<PredictionEngine<EncodedRow, ModelOutput>>
    {
        public override PredictionEngine<EncodedRow, ModelOutput> Create() =>
            context.Model.CreatePredictionEngine<EncodedRow, ModelOutput>(transformer, ignoreMissingColumns: false, inputSchemaDefinition: input);

        public override bool Return(PredictionEngine<EncodedRow, ModelOutput> obj) => true;
    }
}

/// <summary>One encoded row as the default trainer's ML.NET model reads it: a vector of <see cref="FeatureEncoding.Width"/> floats.</summary>
internal class EncodedRow
{
    public const string FeaturesColumn = "Features";

    [ColumnName(FeaturesColumn)]
    public float[] Features { get; set; } = [];

    /// <summary>The row's schema with the vector's width, known only at run time.</summary>
    public static SchemaDefinition Definition(int width)
    {
        var definition = SchemaDefinition.Create(typeof(EncodedRow));
        definition[FeaturesColumn].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return definition;
    }
}

/// <summary>An encoded row with its class index, for fitting.</summary>
internal sealed class LabeledEncodedRow : EncodedRow
{
    public const string ClassColumn = "class";

    [ColumnName(ClassColumn)]
    public uint Class { get; set; }

    public static new SchemaDefinition Definition(int width)
    {
        var definition = SchemaDefinition.Create(typeof(LabeledEncodedRow));
        definition[FeaturesColumn].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return definition;
    }
}
