using Mlops.Core.Models;
using Mlops.Core.Problems;
using Mlops.Core.Training;
using Mlops.Testing;

namespace Mlops.Core.Tests.Problems;

/// <summary>The talk's rule model: the <c>fallback</c> rules of <c>config/insurance.problem.json</c>, run by <see cref="RuleModel"/>.</summary>
public sealed class InsuranceRuleModelTests
{
    private const int High = 0;
    private const int Medium = 1;
    private const int Low = 2;

    private static readonly RuleModel Rules = RuleModel.For(ProblemSchema.Insurance);

    private static double[] Customer(bool training = false, double age = 40, bool braking = false, double power = 100, double miles = 20) =>
        InsuranceVectors.Customer(training, age, braking, 40, power, miles);

    public static TheoryData<double[], int> TalkRules => new()
    {
        // Training wins over everything, even a young driver in a strong car.
        { Customer(training: true, age: 20, power: 200, miles: 90), Low },
        { Customer(age: 25, power: 131), High },
        { Customer(age: 25, power: 130), Medium },
        { Customer(age: 29.9, power: 90, braking: true), Medium },
        { Customer(age: 51, braking: true, miles: 5), High },
        { Customer(age: 50, braking: true, miles: 90), Low },
        { Customer(age: 30, miles: 51), High },
        { Customer(age: 40, miles: 50), Medium },
        { Customer(age: 40, miles: 31), Medium },
        { Customer(age: 40, miles: 30), Low },
        { Customer(age: 40, miles: -3), Low },
    };

    [Theory]
    [MemberData(nameof(TalkRules))]
    public void Applies_the_talks_rules_in_order(double[] customer, int expected)
    {
        var prediction = Rules.Predict(customer);

        Assert.Equal(expected, prediction.Class);
        Assert.Equal(1.0, prediction.Certainty);
        Assert.Equal(1.0, prediction.Probabilities.Sum());
        Assert.Equal("baseline", Rules.Name);
    }

    [Fact]
    public void Is_a_weak_but_real_yardstick_on_the_reference_data()
    {
        var reference = ProblemCsvReader.ReadFile(RepositoryPaths.SeedMonth(0), ProblemSchema.Insurance, requireLabels: true);

        var accuracy = Accuracy.Of(ProblemModelTrainer.PredictAll(Rules, reference), reference.Labels, Enumerable.Range(0, reference.RowCount));

        // Better than guessing one class (the largest, high, is 38.7 %), far from the model's 0.9.
        Assert.InRange(accuracy, 0.55, 0.65);
    }

    [Fact]
    public async Task Gives_the_same_answers_from_many_threads()
    {
        var reference = ProblemCsvReader.ReadFile(RepositoryPaths.SeedMonth(0), ProblemSchema.Insurance);
        var expected = ProblemModelTrainer.PredictAll(Rules, reference).Select(p => p.Class).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            ProblemModelTrainer.PredictAll(Rules, reference).Select(p => p.Class).ToArray())));

        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
