namespace Mlops.Core.Training;

/// <summary>
/// The train/test split of one labeled dataset: per class, a fixed share of the rows (drawn with a
/// seeded shuffle) is held out for testing, so both parts keep the classes' proportions. The same
/// labels, seed and fraction always give the same split — this is how <c>validate</c> finds again
/// exactly the rows <c>train</c> held out, and never scores a model on rows it learned from.
/// </summary>
public sealed class StratifiedSplit
{
    private StratifiedSplit(int[] train, int[] test)
    {
        Train = train;
        Test = test;
    }

    /// <summary>Row indices of the training part, ascending.</summary>
    public IReadOnlyList<int> Train { get; }

    /// <summary>Row indices of the test part, ascending.</summary>
    public IReadOnlyList<int> Test { get; }

    /// <summary>The split of any problem's labels, given as class indices 0 … <paramref name="classCount"/> − 1.</summary>
    /// <exception cref="InvalidInputException">When the data is too small to give both parts a row.</exception>
    public static StratifiedSplit Create(IReadOnlyList<int> classes, int classCount, int seed, double testFraction, string dataName = "data")
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(testFraction, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(testFraction, 1);

        // One generator walks the classes in a fixed order (by index), so the split depends
        // on nothing but the labels, the seed and the fraction.
        var random = new Random(seed);
        var train = new List<int>(classes.Count);
        var test = new List<int>((int)(classes.Count * testFraction) + classCount);
        for (var c = 0; c < classCount; c++)
        {
            var rows = Enumerable.Range(0, classes.Count).Where(i => classes[i] == c).ToArray();
            random.Shuffle(rows);
            var testCount = (int)Math.Round(rows.Length * testFraction, MidpointRounding.AwayFromZero);
            test.AddRange(rows.Take(testCount));
            train.AddRange(rows.Skip(testCount));
        }

        if (train.Count == 0 || test.Count == 0)
        {
            throw new InvalidInputException(
                $"{dataName}: {classes.Count} labeled rows are too few to split into train and test ({1 - testFraction:P0} / {testFraction:P0})");
        }

        var trainRows = train.ToArray();
        var testRows = test.ToArray();
        Array.Sort(trainRows);
        Array.Sort(testRows);
        return new StratifiedSplit(trainRows, testRows);
    }
}
