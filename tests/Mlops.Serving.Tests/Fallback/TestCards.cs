using Mlops.Core.Data;
using Mlops.Core.Models;

namespace Mlops.Serving.Tests.Fallback;

/// <summary>Model cards for unit tests: the talk's ranges (age 10–150, power 50–250), the rest wide open.</summary>
internal static class TestCards
{
    public static ModelCard WithTalkRanges() => new()
    {
        Trainer = "test",
        Parameters = new Dictionary<string, string>(),
        Features = [.. Feature.All.Select(f => f.Name)],
        FeatureRanges = new Dictionary<string, FeatureRange>
        {
            ["training"] = new(0, 1),
            ["age"] = new(10, 150),
            ["emergency_braking"] = new(0, 1),
            ["braking_distance"] = new(0, 1000),
            ["power"] = new(50, 250),
            ["miles"] = new(0, 1000),
        },
        TrainAccuracy = 0.9,
        TestAccuracy = 0.9,
        TrainingDataFile = "reference.csv",
        TrainingDataSha256 = new string('0', 64),
        TrainingRows = 1200,
        Seed = 0,
        CreatedAt = DateTimeOffset.UnixEpoch,
        ToolVersion = "test",
    };
}
