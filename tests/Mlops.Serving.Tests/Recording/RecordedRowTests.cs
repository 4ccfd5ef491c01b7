using Mlops.Core.Problems;
using Mlops.Serving.Recording;
using Mlops.Testing;

namespace Mlops.Serving.Tests.Recording;

public sealed class RecordedRowTests
{
    [Fact]
    public void The_same_problem_read_again_fits_its_log()
    {
        using var file = File.OpenRead(Path.Combine(RepositoryPaths.Root, "config", "insurance.problem.json"));
        var again = ProblemSchemaFile.Parse(file, "insurance.problem.json");

        Assert.NotSame(ProblemSchema.Insurance, again);
        Assert.True(RecordedRow.Fits(ProblemSchema.Insurance, again));
    }

    [Fact]
    public void A_feature_that_kept_its_name_but_changed_its_kind_does_not_fit_the_log_opened_for_it()
    {
        var insurance = ProblemSchema.Insurance;
        var changed = insurance with
        {
            Features = [.. insurance.Features.Select(f => f.Name == "age" ? f with { Kind = FeatureType.Binary, Valid = null } : f)],
        };

        Assert.False(RecordedRow.Fits(insurance, changed));
    }
}
