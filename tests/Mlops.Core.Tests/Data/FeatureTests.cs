using Mlops.Core.Data;
using Mlops.Core.Problems;

namespace Mlops.Core.Tests.Data;

public sealed class FeatureTests
{
    /// <summary>The typed row's values reach each column by position: a reordered problem file must fail here, not shift the data.</summary>
    [Fact]
    public void Each_column_of_the_typed_rows_is_the_problem_files_feature_of_that_name()
    {
        var row = new InsuranceFeatures(Training: true, Age: 41, EmergencyBraking: false, BrakingDistance: 37.5, Power: 112, Miles: 23);
        var expected = new Dictionary<string, double>
        {
            ["training"] = 1,
            ["age"] = 41,
            ["emergency_braking"] = 0,
            ["braking_distance"] = 37.5,
            ["power"] = 112,
            ["miles"] = 23,
        };

        Assert.Equal(ProblemSchema.Insurance.Features.Select(f => f.Name), Feature.All.Select(f => f.Name));
        Assert.All(Feature.All, f => Assert.Equal(expected[f.Name], f.ValueOf(row)));
        Assert.Equal(
            ProblemSchema.Insurance.Features.Select(f => f.Kind == FeatureType.Numeric ? FeatureKind.Numerical : FeatureKind.Categorical),
            Feature.All.Select(f => f.Kind));
    }

    [Fact]
    public void The_seeds_spelling_is_read_as_the_problem_files_name()
    {
        Assert.Equal("emergency_braking", InsuranceCsvFormat.Canonical(" Emergency_Breaking "));
        Assert.Equal("risk", InsuranceCsvFormat.Canonical("Risk"));
    }
}
