using Mlops.Core.Data;
using Mlops.Core.Models;
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

        var customer = new InsuranceFeatures(true, 51.5, false, 30, 100, 10);
        var vector = new double[InsuranceVector.Length];
        InsuranceVector.Write(customer, vector);
        Assert.Equal(vector, InsuranceVectors.Customer(true, 51.5, false, 30, 100, 10));
        Assert.Equal([0.0, 0.0, 1.0], InsuranceVectors.Certain(InsuranceVector.ClassIndex(RiskGroup.Low)));
    }
}
