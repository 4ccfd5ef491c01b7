using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;
using Mlops.Core.Models;
using Mlops.Core.Problems;

namespace Mlops.Core.Training;

/// <summary>
/// A model saved before its card carried a <see cref="FeatureEncoding"/>: the talk's insurance models up to
/// session 21, whose ML.NET input is one float column per feature, named like the feature, with the feature
/// engineering inside <c>model.zip</c>. Registries and folders hold such models, so they still load and
/// predict exactly as before: each value of the problem's vector goes, as a float, into the column of its
/// name. Nothing here knows a feature: the columns are the saved model's own input schema.
/// </summary>
public sealed class ColumnsClassifier : IMlNetModel
{
    private readonly ObjectPool<Engine> _engines;

    internal ColumnsClassifier(string name, ProblemSchema problem, ITransformer transformer, DataViewSchema inputSchema)
    {
        Name = name;
        Problem = problem;
        Transformer = transformer;
        InputSchema = inputSchema;
        int[] source = [.. inputSchema.Select(c => problem.FeatureIndex(c.Name))];
        _engines = MlNetClassifier.EnginePool(new EnginePolicy(transformer, inputSchema, source));
    }

    public string Name { get; }

    public ProblemSchema Problem { get; }

    public ITransformer Transformer { get; }

    public DataViewSchema InputSchema { get; }

    /// <summary>Fails unless every column of <paramref name="schema"/> is a float column named like a feature of <paramref name="features"/>, and every feature has one.</summary>
    /// <returns>The columns that are missing or not float, by feature name; empty when the schema fits.</returns>
    public static IReadOnlyList<string> Misfits(DataViewSchema schema, IReadOnlyList<string> features)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(features);
        var missing = features.Where(name => schema.GetColumnOrNull(name) is not { Type: var type } || type != NumberDataViewType.Single);
        var foreign = schema.Select(c => c.Name).Where(name => !features.Contains(name, StringComparer.OrdinalIgnoreCase));
        return [.. missing.Concat(foreign)];
    }

    public ClassPrediction Predict(ReadOnlySpan<double> features)
    {
        Problem.EnsureVector(features);

        for (var f = 0; f < features.Length; f++)
        {
            if (double.IsNaN(features[f]))
            {
                // These models were trained without imputation: nothing to stand in for a missing value.
                throw new ArgumentException($"feature '{Problem.Features[f].Name}' is missing, and this model imputes nothing", nameof(features));
            }
        }

        var engine = _engines.Get();
        try
        {
            return ClassPrediction.FromProbabilities(MlNetClassifier.Normalize(engine.Score(features), Problem.Label.Classes.Count));
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    public void Dispose() => (_engines as IDisposable)?.Dispose();

    /// <summary>One input row and the model's output row over it, as ML.NET's prediction engine keeps them; not thread-safe.</summary>
    private sealed class Engine : IDisposable
    {
        private readonly ColumnsRow _input;
        private readonly DataViewRow _output;
        private readonly ValueGetter<VBuffer<float>> _score;
        private VBuffer<float> _buffer;

        public Engine(ITransformer transformer, DataViewSchema inputSchema, int[] source)
        {
            _input = new ColumnsRow(inputSchema, source);
            var mapper = transformer.GetRowToRowMapper(inputSchema);
            var score = mapper.OutputSchema[ModelOutput.ScoreColumn];
            _output = mapper.GetRow(_input, [score]);
            _score = _output.GetGetter<VBuffer<float>>(score);
        }

        public float[] Score(ReadOnlySpan<double> features)
        {
            _input.Set(features);
            _score(ref _buffer);
            var score = new float[_buffer.Length];
            _buffer.CopyTo(score);
            return score;
        }

        public void Dispose()
        {
            _output.Dispose();
            _input.Dispose();
        }
    }

    private sealed class EnginePolicy(ITransformer transformer, DataViewSchema inputSchema, int[] source) : PooledObjectPolicy<Engine>
    {
        public override Engine Create() => new(transformer, inputSchema, source);

        public override bool Return(Engine obj) => true;
    }

    /// <summary>The row ML.NET reads: column <c>i</c> is the float of vector value <c>source[i]</c>; a new position per row.</summary>
    private sealed class ColumnsRow(DataViewSchema schema, int[] source) : DataViewRow
    {
        private readonly float[] _values = new float[source.Length];
        private long _position = -1;

        public override DataViewSchema Schema => schema;

        public override long Position => _position;

        public override long Batch => 0;

        public void Set(ReadOnlySpan<double> features)
        {
            for (var i = 0; i < _values.Length; i++)
            {
                _values[i] = (float)features[source[i]];
            }

            _position++;
        }

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            var index = column.Index;
            ValueGetter<float> getter = (ref float value) => value = _values[index];
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"column '{column.Name}' is read as {typeof(TValue).Name}, it holds floats");
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

        public override bool IsColumnActive(DataViewSchema.Column column) => true;
    }
}
