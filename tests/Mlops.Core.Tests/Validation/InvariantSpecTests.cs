using Mlops.Core.Validation;
using Mlops.Testing;

namespace Mlops.Core.Tests.Validation;

public sealed class InvariantSpecTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_default_is_the_talks_numbers_from_the_repository_file()
    {
        var spec = InvariantSpec.Default;
        var file = InvariantSpec.LoadFile(Path.Combine(RepositoryPaths.Root, "config", "invariants.json"));

        Assert.Equal(file, spec);
        Assert.Equal(1, spec.Version);
        Assert.Equal(0.85, spec.AccuracyMin);
        Assert.Equal(0.95, spec.AccuracyMax);
        Assert.Equal(0.05, spec.TrainTestGapMax);
        Assert.Equal(0.20, spec.ClassCountTolerance);
        Assert.Equal(0.4, spec.CertaintyMinAbove);
        Assert.Equal(0.7, spec.CertaintyMeanAbove);
        Assert.Equal(0.99, spec.CertaintyMaxAbove);
    }

    [Fact]
    public void A_user_file_overrides_every_bound()
    {
        var path = _temp.File("strict.json");
        File.WriteAllText(path, """
            { "version": 2, "accuracy_min": 0.9, "accuracy_max": 0.99, "train_test_gap_max": 0.01,
              "class_count_tolerance": 0.15, "certainty_min_above": 0.5, "certainty_mean_above": 0.8, "certainty_max_above": 0.999 }
            """);

        var spec = InvariantSpec.LoadFile(path);

        Assert.Equal(2, spec.Version);
        Assert.Equal(0.15, spec.ClassCountTolerance);
        Assert.Null(spec.Description);
    }

    [Theory]
    [InlineData("{", "not a valid invariant spec")]
    [InlineData("""{ "version": 1 }""", "missing required properties")]
    [InlineData("""{ "version": 1, "accuracy_min": 0.85, "accuracy_max": 0.95, "train_test_gap_max": 0.05, "class_count_tolerance": 0.2, "certainty_min_above": 0.4, "certainty_mean_above": 0.7, "certainty_max_above": 0.99, "acuracy_min": 0.1 }""", "acuracy_min")]
    [InlineData("""{ "version": 1, "accuracy_min": 0.95, "accuracy_max": 0.85, "train_test_gap_max": 0.05, "class_count_tolerance": 0.2, "certainty_min_above": 0.4, "certainty_mean_above": 0.7, "certainty_max_above": 0.99 }""", "accuracy_min (0.95) must be below accuracy_max (0.85)")]
    [InlineData("""{ "version": 1, "accuracy_min": 0.85, "accuracy_max": 0.95, "train_test_gap_max": 5, "class_count_tolerance": 0.2, "certainty_min_above": 0.4, "certainty_mean_above": 0.7, "certainty_max_above": 0.99 }""", "train_test_gap_max must be between 0 and 1, got 5")]
    [InlineData("""{ "version": 1, "accuracy_min": 0.85, "train_test_gap_max": 0.05, "class_count_tolerance": 0.15, "class_count_bounds": "python", "certainty_min_above": 0.4, "certainty_mean_above": 0.7, "certainty_max_above": 0.99 }""", "class_count_bounds")]
    [InlineData("""{ "version": 1, "accuracy_min": 0.85, "train_test_gap_max": 0.05, "class_count_tolerance": 0.15, "class_count_bounds": 7, "certainty_min_above": 0.4, "certainty_mean_above": 0.7, "certainty_max_above": 0.99 }""", "class_count_bounds must be band or python_range")]
    [InlineData("null", "the file holds null")]
    public void A_bad_file_is_bad_input_naming_the_problem(string content, string expected)
    {
        var path = _temp.File("bad.json");
        File.WriteAllText(path, content);

        var error = Assert.Throws<InvariantSpecException>(() => InvariantSpec.LoadFile(path));

        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<InvariantSpecException>(() => InvariantSpec.LoadFile(_temp.File("none.json")));

        Assert.EndsWith("none.json: invariant spec file not found", error.Message, StringComparison.Ordinal);
    }
}
