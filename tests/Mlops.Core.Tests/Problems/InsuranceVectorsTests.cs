using Mlops.Core.Data;
using Mlops.Core.Problems;
using Mlops.Testing;

namespace Mlops.Core.Tests.Problems;

/// <summary>The tests' shorthand for an insurance row (<see cref="InsuranceVectors"/>) is the insurance problem's vector.</summary>
public sealed class InsuranceVectorsTests
{
    [Fact]
    public void The_tests_vector_has_the_problem_files_features_and_classes_in_order()
    {
        Assert.Equal(ProblemSchema.Insurance.Features.Select(f => f.Name), InsuranceVectors.FeatureNames);
        Assert.Equal(ProblemSchema.Insurance.Label.Classes.Select(c => c.Name), InsuranceVectors.ClassNames);

        Assert.Equal([0.0, 0.0, 1.0], InsuranceVectors.Certain(ProblemSchema.Insurance.Label.Classes.ToList().FindIndex(c => c.Name == "low")));
    }

    [Fact]
    public void The_tests_vector_of_a_seed_row_is_the_one_the_problem_reader_makes()
    {
        var typed = InsuranceCsvReader.ReadFile(RepositoryPaths.SeedMonth(0)).Records;
        var data = ProblemCsvReader.ReadFile(RepositoryPaths.SeedMonth(0), ProblemSchema.Insurance);
        var vector = new double[data.Schema.Features.Count];

        foreach (var r in new[] { 0, 1, typed.Count - 1 })
        {
            data.CopyRow(r, vector);
            var f = typed[r].Features;
            Assert.Equal(vector, InsuranceVectors.Customer(f.Training, f.Age, f.EmergencyBraking, f.BrakingDistance, f.Power, f.Miles));
        }
    }
}
