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

    public double[] ToArray() => [Age, Power, Miles];

    /// <summary>The spots as they go into the model card's parameters.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToParameters() =>
    [
        new("sweet_spot_age", Age.ToString("R", CultureInfo.InvariantCulture)),
        new("sweet_spot_power", Power.ToString("R", CultureInfo.InvariantCulture)),
        new("sweet_spot_miles", Miles.ToString("R", CultureInfo.InvariantCulture)),
    ];

    /// <summary>
    /// Learns the spots from labeled rows. The target is the raw risk score when every row has one
    /// (it is the quantity the classes are cut from, so it locates a spot far more precisely),
    /// else the class.
    /// </summary>
    public static RiskSweetSpots Fit(IReadOnlyList<InsuranceRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows.Count, 8);

        var useRisk = rows.All(r => r.Risk is not null);
        var target = Vector<double>.Build.Dense(rows.Count, i => useRisk ? rows[i].Risk!.Value : (double)rows[i].Group!.Value);

        // Columns: 1, training, emergency_braking, braking_distance, then one distance per U-shaped feature.
        const int first = 4;
        var design = Matrix<double>.Build.Dense(rows.Count, first + UShaped.Length, (i, j) => j switch
        {
            0 => 1,
            1 => rows[i].Features.Training ? 1 : 0,
            2 => rows[i].Features.EmergencyBraking ? 1 : 0,
            3 => rows[i].Features.BrakingDistance,
            _ => 0,
        });

        var values = UShaped.Select(read => rows.Select(r => read(r.Features)).ToArray()).ToArray();
        var candidates = values.Select(Percentiles).ToArray();
        var spots = values.Select(v => MathNet.Numerics.Statistics.Statistics.Median(v)).ToArray();
        for (var k = 0; k < spots.Length; k++)
        {
            SetDistance(design, first + k, values[k], spots[k]);
        }

        for (var round = 0; round < Rounds; round++)
        {
            for (var k = 0; k < spots.Length; k++)
            {
                var bestError = double.MaxValue;
                foreach (var candidate in candidates[k])
                {
                    SetDistance(design, first + k, values[k], candidate);
                    var error = ResidualNorm(design, target);
                    if (error < bestError)
                    {
                        bestError = error;
                        spots[k] = candidate;
                    }
                }

                SetDistance(design, first + k, values[k], spots[k]);
            }
        }

        return new RiskSweetSpots(spots[0], spots[1], spots[2]);
    }

    private static double[] Percentiles(double[] values)
    {
        var sorted = values.Order().ToArray();
        return [.. Enumerable.Range(2, 97).Select(p => sorted[(int)Math.Round(p / 100.0 * (sorted.Length - 1))]).Distinct()];
    }

    private static void SetDistance(Matrix<double> design, int column, double[] values, double spot)
    {
        for (var i = 0; i < values.Length; i++)
        {
            design[i, column] = Math.Abs(values[i] - spot);
        }
    }

    private static double ResidualNorm(Matrix<double> design, Vector<double> target)
    {
        var coefficients = design.QR().Solve(target);
        return (design * coefficients - target).L2Norm();
    }
}
