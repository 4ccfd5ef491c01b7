using MathNet.Numerics.LinearAlgebra;
using Mlops.Core.Problems;

namespace Mlops.Core.Training;

/// <summary>
/// Feature engineering a problem file turns on (<c>training.feature_engineering.sweet_spots</c>): for a
/// feature whose risk rises on both sides of a sweet spot (the talk's young and old drivers, weak and strong
/// cars, few and many miles), the model reads the distance from the spot, |x − spot|, which it can weigh
/// linearly, instead of a raw value it would have to cut twice.
/// </summary>
/// <remarks>
/// The spots are learned from the training rows only (never from test rows): for each feature in turn, the
/// spot among the feature's 2nd … 98th percentiles that lets a least-squares line through all features (the
/// others as the model reads them, then the distances) explain the target best. The target is the problem's
/// <c>sweet_spot_target</c>, an ignored column of the data (the seed's raw risk score, which the classes are
/// cut from, so it locates a spot far more precisely), when every training row has a number there; else the
/// class index. Three rounds of this coordinate search settle. On the seed's reference data it finds about
/// 35 years, 100 kW and 25 thousand miles.
/// </remarks>
public static class SweetSpots
{
    private const int Rounds = 3;

    /// <summary>True when the problem file turns sweet spots on.</summary>
    public static bool IsTurnedOn(ProblemSchema problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Training?.FeatureEngineering?.SweetSpots is { Count: > 0 };
    }

    /// <summary>The features with a sweet spot, as the problem names them, in the problem file's order.</summary>
    /// <exception cref="InvalidInputException">A name that is not a numeric feature, or a target that is not an ignored column.</exception>
    public static IReadOnlyList<FeatureDefinition> Features(ProblemSchema problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var engineering = problem.Training?.FeatureEngineering;
        var features = new List<FeatureDefinition>();
        foreach (var name in engineering?.SweetSpots ?? [])
        {
            var feature = problem.FindFeature(name);
            if (feature is not { Kind: FeatureType.Numeric })
            {
                throw new InvalidInputException(
                    $"problem '{problem.Name}': training.feature_engineering.sweet_spots names '{ProblemSchemaCheck.Short(name)}', which is not a numeric feature");
            }

            if (!features.Contains(feature))
            {
                features.Add(feature);
            }
        }

        if (engineering?.SweetSpotTarget is { } target && !problem.IsIgnored(target))
        {
            throw new InvalidInputException(
                $"problem '{problem.Name}': training.feature_engineering.sweet_spot_target '{ProblemSchemaCheck.Short(target)}' is not an ignored column of the data");
        }

        return features;
    }

    /// <summary>The spots learned from every row of <paramref name="data"/> as it is (what the exploration shows).</summary>
    public static IReadOnlyList<SweetSpot> Fit(ProblemDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Fit(data, [.. Enumerable.Range(0, data.RowCount)], new FeatureEncoding { Imputed = new Dictionary<string, double>(), Width = 0 });
    }

    /// <summary>
    /// Learns the spots of the problem's sweet-spot features from <paramref name="rows"/> of
    /// <paramref name="data"/>, read as <paramref name="encoding"/> reads them (imputed; a dropped feature
    /// is a column of zeros in the line and its spot is never searched, so it gets none).
    /// </summary>
    public static IReadOnlyList<SweetSpot> Fit(ProblemDataset data, IReadOnlyList<int> rows, FeatureEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(encoding);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows.Count, 8);
        var problem = data.Schema;
        var spotted = Features(problem);
        var dropped = (encoding.Dropped ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var used = spotted.Select(f => !dropped.Contains(f.Name)).ToArray();

        var values = spotted.Select(f => Column(data, rows, problem.FeatureIndex(f.Name), encoding)).ToArray();
        var spots = values.Select(v => MathNet.Numerics.Statistics.Statistics.Median(v)).ToArray();

        // Columns: 1, every other feature as the model reads it (zeros when dropped), then one distance per spot.
        var columns = new List<double[]> { rows.Select(_ => 1.0).ToArray() };
        for (var f = 0; f < problem.Features.Count; f++)
        {
            var feature = problem.Features[f];
            if (!spotted.Contains(feature))
            {
                columns.AddRange(Plain(data, rows, f, encoding, dropped.Contains(feature.Name)));
            }
        }

        var first = columns.Count;
        for (var k = 0; k < spots.Length; k++)
        {
            columns.Add(used[k] ? Distances(values[k], spots[k]) : new double[rows.Count]);
        }

        var fit = new LeastSquares([.. columns], Target(data, rows));
        for (var round = 0; round < Rounds; round++)
        {
            for (var k = 0; k < spots.Length; k++)
            {
                if (!used[k])
                {
                    continue;
                }

                var bestError = double.MaxValue;
                foreach (var candidate in Percentiles(values[k]))
                {
                    var error = fit.ResidualWith(first + k, Distances(values[k], candidate));
                    if (error < bestError)
                    {
                        bestError = error;
                        spots[k] = candidate;
                    }
                }

                fit.Replace(first + k, Distances(values[k], spots[k]));
            }
        }

        return [.. Enumerable.Range(0, spots.Length).Where(k => used[k]).Select(k => new SweetSpot(spotted[k].Name, spots[k]))];
    }

    /// <summary>The problem's target column when every row has a number there, else the class index.</summary>
    private static double[] Target(ProblemDataset data, IReadOnlyList<int> rows)
    {
        var name = data.Schema.Training?.FeatureEngineering?.SweetSpotTarget;
        var target = name is null ? null : data.IgnoredNumbers(name);
        if (target is not null && rows.All(i => double.IsFinite(target[i])))
        {
            return [.. rows.Select(i => target[i])];
        }

        var labels = data.Labels;
        var classes = new double[rows.Count];
        for (var r = 0; r < classes.Length; r++)
        {
            classes[r] = labels[rows[r]];
        }

        return classes;
    }

    /// <summary>A feature's values on the rows, missing ones imputed as the encoding imputes them.</summary>
    private static double[] Column(ProblemDataset data, IReadOnlyList<int> rows, int feature, FeatureEncoding encoding)
    {
        var column = data.Feature(feature);
        var imputed = encoding.Imputed.TryGetValue(data.Schema.Features[feature].Name, out var value) ? value : double.NaN;
        var values = new double[rows.Count];
        for (var r = 0; r < values.Length; r++)
        {
            var x = column[rows[r]];
            values[r] = double.IsNaN(x) ? imputed : x;
        }

        return values;
    }

    /// <summary>A feature read as it is: one column, or one 0/1 column per category; zeros when dropped (the tiny ridge keeps the system solvable).</summary>
    private static IEnumerable<double[]> Plain(ProblemDataset data, IReadOnlyList<int> rows, int f, FeatureEncoding encoding, bool dropped)
    {
        var feature = data.Schema.Features[f];
        var width = feature.Kind == FeatureType.Categorical ? Math.Max(1, feature.Categories?.Count ?? 0) : 1;
        if (dropped)
        {
            return Enumerable.Range(0, width).Select(_ => new double[rows.Count]);
        }

        var values = Column(data, rows, f, encoding);
        return feature.Kind == FeatureType.Categorical
            ? Enumerable.Range(0, width).Select(c => values.Select(v => v == c ? 1.0 : 0.0).ToArray())
            : [values];
    }

    private static double[] Percentiles(double[] values)
    {
        var sorted = values.Order().ToArray();
        return [.. Enumerable.Range(2, 97).Select(p => sorted[(int)Math.Round(p / 100.0 * (sorted.Length - 1))]).Distinct()];
    }

    private static double[] Distances(double[] values, double spot)
    {
        var distances = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            distances[i] = Math.Abs(values[i] - spot);
        }

        return distances;
    }

    /// <summary>
    /// Least squares through the normal equations, so that trying another version of one column
    /// costs one pass over the rows and a small solve instead of a new decomposition of the data.
    /// </summary>
    private sealed class LeastSquares
    {
        private readonly double[][] _columns;
        private readonly double[] _target;
        private readonly double _targetSquared;
        private readonly Matrix<double> _gram;
        private readonly Vector<double> _moments;

        public LeastSquares(double[][] columns, double[] target)
        {
            _columns = columns;
            _target = target;
            _targetSquared = Dot(target, target);
            var n = columns.Length;
            _gram = Matrix<double>.Build.Dense(n, n, (i, j) => Dot(columns[i], columns[j]));
            _moments = Vector<double>.Build.Dense(n, i => Dot(columns[i], target));
        }

        /// <summary>The residual sum of squares if column <paramref name="index"/> were <paramref name="column"/>.</summary>
        public double ResidualWith(int index, double[] column)
        {
            var gram = _gram.Clone();
            var moments = _moments.Clone();
            Set(gram, moments, index, column);

            // A tiny ridge keeps the system solvable when a column is constant (e.g. nobody trained).
            var ridge = 1e-10 * gram.Trace();
            for (var i = 0; i < gram.RowCount; i++)
            {
                gram[i, i] += ridge;
            }

            var coefficients = gram.Cholesky().Solve(moments);
            return _targetSquared - coefficients.DotProduct(moments);
        }

        public void Replace(int index, double[] column)
        {
            _columns[index] = column;
            Set(_gram, _moments, index, column);
        }

        private void Set(Matrix<double> gram, Vector<double> moments, int index, double[] column)
        {
            for (var j = 0; j < _columns.Length; j++)
            {
                var product = j == index ? Dot(column, column) : Dot(column, _columns[j]);
                gram[index, j] = product;
                gram[j, index] = product;
            }

            moments[index] = Dot(column, _target);
        }

        private static double Dot(double[] a, double[] b)
        {
            double sum = 0;
            for (var i = 0; i < a.Length; i++)
            {
                sum += a[i] * b[i];
            }

            return sum;
        }
    }
}
