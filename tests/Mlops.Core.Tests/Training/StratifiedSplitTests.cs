using Mlops.Core.Data;
using Mlops.Core.Training;
using Mlops.Testing;

namespace Mlops.Core.Tests.Training;

public sealed class StratifiedSplitTests
{
    private static readonly RiskGroup[] ReferenceLabels = InsuranceCsvReader.ReadFile(RepositoryPaths.SeedMonth(0), requireLabels: true).Labels();

    /// <summary>The reference's labels as the insurance problem's class indices (high 0, medium 1, low 2).</summary>
    private static readonly int[] Classes = [.. ReferenceLabels.Select(g => (int)g)];

    [Fact]
    public void Holds_out_a_fifth_of_every_class()
    {
        var split = StratifiedSplit.Create(Classes, 3, seed: 42, testFraction: 0.2);

        Assert.Equal(1200, split.Train.Count);
        Assert.Equal(300, split.Test.Count);
        foreach (var group in RiskGroups.All)
        {
            var total = ReferenceLabels.Count(l => l == group);
            var test = split.Test.Count(i => ReferenceLabels[i] == group);
            Assert.Equal(Math.Round(total * 0.2, MidpointRounding.AwayFromZero), test);
        }
    }

    [Fact]
    public void Train_and_test_are_disjoint_sorted_and_cover_every_row()
    {
        var split = StratifiedSplit.Create(Classes, 3, seed: 42, testFraction: 0.2);

        Assert.Empty(split.Train.Intersect(split.Test));
        Assert.Equal(Enumerable.Range(0, ReferenceLabels.Length), split.Train.Concat(split.Test).Order());
        Assert.Equal(split.Train.Order(), split.Train);
        Assert.Equal(split.Test.Order(), split.Test);
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        var first = StratifiedSplit.Create(Classes, 3, seed: 42, testFraction: 0.2);
        var again = StratifiedSplit.Create(Classes, 3, seed: 42, testFraction: 0.2);
        var other = StratifiedSplit.Create(Classes, 3, seed: 7, testFraction: 0.2);

        Assert.Equal(first.Test, again.Test);
        Assert.NotEqual(first.Test, other.Test);
    }

    [Fact]
    public void Too_few_rows_is_bad_input_not_a_crash()
    {
        var error = Assert.Throws<InvalidInputException>(() => StratifiedSplit.Create([0, 2], 3, seed: 1, testFraction: 0.2, "tiny.csv"));

        Assert.Contains("tiny.csv: 2 labeled rows are too few", error.Message, StringComparison.Ordinal);
    }
}
