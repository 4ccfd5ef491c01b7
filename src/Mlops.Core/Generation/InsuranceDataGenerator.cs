using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using Mlops.Core.Data;
using Mlops.Core.Statistics;

namespace Mlops.Core.Generation;

/// <summary>
/// The structural causal model behind the talk's data: features are drawn, a latent driver
/// ability and car safety follow from them, and the risk score from those. Deterministic for a
/// given seed and month.
/// </summary>
public sealed class InsuranceDataGenerator
{
    public const int DefaultRows = 1500;

    private const double TrainingShare = 0.20;
    private const double MinAge = 16;
    private const double MaxAge = 100;
    private const double LatentNoise = 0.1;

    private static readonly SkewNormal AgeDistribution = new(shape: 16, location: 18, scale: 22);
    private static readonly SkewNormal PowerDistribution = new(shape: 2, location: 100, scale: 50);
    private static readonly SkewNormal MilesDistribution = new(shape: 4, location: 25, scale: 25);

    public InsuranceDataGenerator(int seed = 0)
    {
        Seed = seed;
        TypicalDriverAge = EstimateTypicalDriverAge();
    }

    public int Seed { get; }

    /// <summary>
    /// The age at which drivers are at their best (≈ 34.9). The original generator took the mean
    /// integer age of a 10,000-row draw from a less skewed age distribution; we do the same with a fixed seed.
    /// </summary>
    public double TypicalDriverAge { get; }

    /// <summary>The random seed of one month: month m of seed 0 uses seed m, as the original did.</summary>
    public int SeedOf(int month) => unchecked((Seed * 1_000_003) + month);

    public InsuranceDataset Generate(ProductionMonth month, int rows = DefaultRows)
    {
        ArgumentNullException.ThrowIfNull(month);
        ArgumentOutOfRangeException.ThrowIfNegative(month.Month);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);

        var random = new Xoshiro256StarStar(SeedOf(month.Month));
        var records = new InsuranceRecord[rows];
        for (var i = 0; i < rows; i++)
        {
            records[i] = NextRecord(random, month);
        }

        return new InsuranceDataset(month.FileName, records);
    }

    private InsuranceRecord NextRecord(Random random, ProductionMonth month)
    {
        var training = Bernoulli.Sample(random, TrainingShare) == 1;
        var age = Math.Clamp(AgeDistribution.Sample(random), MinAge, MaxAge) + Normal.Sample(random, month.AgeShift, LatentNoise);
        var driverAbility = Normal.Sample(random, (training ? 1 : 0) - (Math.Abs(age - TypicalDriverAge) / 22), LatentNoise);

        var emergencyBraking = Bernoulli.Sample(random, month.EmergencyBrakingShare) == 1;
        var brakingDistance = Normal.Sample(random, 40, 5);
        var power = PowerDistribution.Sample(random);
        var carSafety = Normal.Sample(
            random,
            (emergencyBraking ? 1 : 0) - ((brakingDistance - 40) / 5) - (Math.Abs(power - 100) / 50),
            LatentNoise);

        var miles = MilesDistribution.Sample(random) + Normal.Sample(random, month.MilesShift, 1);
        var risk = -Normal.Sample(
            random,
            (month.DriverWeight * driverAbility) + carSafety - (Math.Abs(miles - 25) / 25),
            LatentNoise);

        var features = new InsuranceFeatures(training, age, emergencyBraking, brakingDistance, power, miles);
        return new InsuranceRecord(features, risk, RiskGroups.FromRiskScore(risk));
    }

    private static double EstimateTypicalDriverAge()
    {
        const int draws = 10_000;
        var random = new Xoshiro256StarStar(0);
        var distribution = new SkewNormal(shape: 8, location: 18, scale: 22);
        var sum = 0.0;
        for (var i = 0; i < draws; i++)
        {
            sum += Math.Floor(Math.Clamp(distribution.Sample(random), MinAge, MaxAge));
        }

        return sum / draws;
    }
}
