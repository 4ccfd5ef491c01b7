using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Mlops.Core.Data;

namespace Mlops.Core.Training;

/// <summary>
/// Where risk is lowest for the three U-shaped features. The exploration shows risk rising on both
/// sides of a sweet spot in age, power and miles (young and old drivers, weak and strong cars, few
/// and many miles), so the model sees the distance from the sweet spot, |x − spot|, which it can
/// weigh linearly, instead of a raw value it would have to cut twice.
/// </summary>
/// <remarks>
/// The spots are learned from the training rows only (never from test rows): for each feature in
/// turn, the spot among the feature's 2nd … 98th percentiles that lets a least-squares line through
/// all engineered features explain the risk best. Three rounds of this coordinate search settle.
/// On the seed's reference data it finds about 35 years, 100 kW and 25 thousand miles.
/// </remarks>
public sealed record RiskSweetSpots(double Age, double Power, double Miles)
{
    private const int Rounds = 3;

    private static readonly Func<InsuranceFeatures, double>[] UShaped = [f => f.Age, f => f.Power, f => f.Miles];

    private static readonly Feature[] UShapedFeatures = [Feature.Age, Feature.Power, Feature.Miles];

    public double[] ToArray() => [Age, Power, Miles];

    /// <summary>True when the problem file turns sweet spots on (<c>training.feature_engineering.sweet_spots</c>).</summary>
    public static bool IsTurnedOn(Problems.ProblemSchema problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Training?.FeatureEngineering?.SweetSpots is { Count: > 0 };
    }

    /// <summary>
    /// The search and the model read the talk's typed insurance rows: a problem may turn sweet spots on
    /// only with the insurance features, the spots on age, power and miles, located by the seed's risk.
    /// </summary>
    /// <exception cref="InvalidInputException">The problem asks for sweet spots elsewhere.</exception>
    public static void EnsureSupported(Problems.ProblemSchema problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var engineering = problem.Training?.FeatureEngineering;
        var spots = engineering?.SweetSpots ?? [];
        var features = problem.Features.Select(f => f.Name).ToArray();
        var supported = features.SequenceEqual(Feature.All.Select(f => f.Name), StringComparer.OrdinalIgnoreCase)
            && spots.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(UShapedFeatures.Select(f => f.Name).Order(StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase)
            && engineering?.SweetSpotTarget is null or "risk";
        if (!supported)
        {
            throw new InvalidInputException(
                $"problem '{problem.Name}': training.feature_engineering.sweet_spots is implemented for the talk's insurance features only (spots on {string.Join(", ", UShapedFeatures.Select(f => f.Name))}, target risk); remove it to train the default model");
        }
    }

    /// <summary>The spots as they go into the model card's parameters.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToParameters() => ToParameters(FeatureSelection.All);

    /// <summary>The spots of the selected features only: a dropped feature has no spot the model uses.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToParameters(FeatureSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var spots = ToArray();
        for (var k = 0; k < UShapedFeatures.Length; k++)
        {
            if (selection.Uses(UShapedFeatures[k]))
            {
                yield return new($"sweet_spot_{UShapedFeatures[k].Name}", spots[k].ToString("R", CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>
    /// Learns the spots from labeled rows. The target is the raw risk score when every row has one
    /// (it is the quantity the classes are cut from, so it locates a spot far more precisely),
    /// else the class.
    /// </summary>
    public static RiskSweetSpots Fit(IReadOnlyList<InsuranceRecord> rows) => Fit(rows, FeatureSelection.All);

    /// <summary>
    /// Learns the spots with only the selected features in the least-squares line: a dropped feature
    /// must not steer the spots of the others. The spot of a dropped U-shaped feature is its median
    /// (never searched, never used).
    /// </summary>
    public static RiskSweetSpots Fit(IReadOnlyList<InsuranceRecord> rows, FeatureSelection selection)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows.Count, 8);

        var useRisk = rows.All(r => r.Risk is not null);
        var target = rows.Select(r => useRisk ? r.Risk!.Value : (double)r.Group!.Value).ToArray();
        var values = UShaped.Select(read => rows.Select(r => read(r.Features)).ToArray()).ToArray();
        var spots = values.Select(v => MathNet.Numerics.Statistics.Statistics.Median(v)).ToArray();

        // Columns: 1, training, emergency_braking, braking_distance, then one distance per U-shaped feature.
        const int first = 4;
        var columns = new double[first + UShaped.Length][];
        columns[0] = [.. rows.Select(_ => 1.0)];
        columns[1] = Column(rows, Feature.Training, selection);
        columns[2] = Column(rows, Feature.EmergencyBraking, selection);
        columns[3] = Column(rows, Feature.BrakingDistance, selection);
        for (var k = 0; k < spots.Length; k++)
        {
            columns[first + k] = selection.Uses(UShapedFeatures[k]) ? Distances(values[k], spots[k]) : new double[rows.Count];
        }

        var fit = new LeastSquares(columns, target);
        for (var round = 0; round < Rounds; round++)
        {
            for (var k = 0; k < spots.Length; k++)
            {
                if (!selection.Uses(UShapedFeatures[k]))
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

        return new RiskSweetSpots(spots[0], spots[1], spots[2]);
    }

    /// <summary>A feature's values as a column, or zeros when it is dropped (the tiny ridge keeps the system solvable).</summary>
    private static double[] Column(IReadOnlyList<InsuranceRecord> rows, Feature feature, FeatureSelection selection) =>
        selection.Uses(feature) ? [.. rows.Select(r => feature.ValueOf(r.Features))] : new double[rows.Count];

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
    /// costs one pass over the rows and a 7 × 7 solve instead of a new decomposition of the data.
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
