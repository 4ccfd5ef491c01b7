using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Testing;

namespace Mlops.Core.Tests.Models;

public sealed class BaselineRiskModelTests
{
    private static InsuranceFeatures Customer(bool training = false, double age = 40, bool braking = false, double power = 100, double miles = 20) =>
        new(training, age, braking, 40, power, miles);

    public static TheoryData<InsuranceFeatures, RiskGroup> Rules => new()
    {
        // Training wins over everything, even a young driver in a strong car.
        { Customer(training: true, age: 20, power: 200, miles: 90), RiskGroup.Low },
        { Customer(age: 25, power: 131), RiskGroup.High },
        { Customer(age: 25, power: 130), RiskGroup.Medium },
        { Customer(age: 29.9, power: 90, braking: true), RiskGroup.Medium },
        { Customer(age: 51, braking: true, miles: 5), RiskGroup.High },
        { Customer(age: 50, braking: true, miles: 90), RiskGroup.Low },
        { Customer(age: 30, miles: 51), RiskGroup.High },
        { Customer(age: 40, miles: 50), RiskGroup.Medium },
        { Customer(age: 40, miles: 31), RiskGroup.Medium },
        { Customer(age: 40, miles: 30), RiskGroup.Low },
        { Customer(age: 40, miles: -3), RiskGroup.Low },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Applies_the_talks_rules_in_order(InsuranceFeatures customer, RiskGroup expected)
    {
        var prediction = BaselineRiskModel.Instance.Predict(customer);

        Assert.Equal(expected, prediction.Group);
        Assert.Equal(1.0, prediction.Certainty);
        Assert.Equal(1.0, prediction.Probabilities.Sum());
        Assert.Equal("baseline", BaselineRiskModel.Instance.Name);
    }

    [Fact]
    public void Is_a_weak_but_real_yardstick_on_the_reference_data()
    {
        var reference = InsuranceCsvReader.ReadFile(RepositoryPaths.SeedMonth(0), requireLabels: true);
        IRiskModel rules = BaselineRiskModel.Instance;

        var accuracy = Accuracy.Of(rules.PredictAll(reference.Records.Select(r => r.Features).ToArray()), reference.Labels());

        // Better than guessing one class (the largest, high, is 38.7 %), far from the model's 0.9.
        Assert.InRange(accuracy, 0.55, 0.65);
    }

    [Fact]
    public async Task Gives_the_same_answers_from_many_threads()
    {
        var reference = InsuranceCsvReader.ReadFile(RepositoryPaths.SeedMonth(0));
        var expected = reference.Records.Select(r => BaselineRiskModel.Classify(r.Features)).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            reference.Records.Select(r => BaselineRiskModel.Instance.Predict(r.Features).Group).ToArray())));

        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
