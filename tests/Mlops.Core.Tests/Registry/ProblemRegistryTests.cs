using Mlops.Core.Registry;

namespace Mlops.Core.Tests.Registry;

/// <summary>Models per problem: each problem has its own production model, line and revision; a stage command without a problem is ambiguous only when several problems could be meant.</summary>
public abstract class ProblemRegistryTests(RegistryBackend backend) : RegistryTestBase(backend)
{
    [Fact]
    public void Each_problem_has_its_own_production_model_and_revision()
    {
        AddValidated(seed: 1);
        AddValidated(seed: 2);
        AddValidated(seed: 3, problem: "churn");
        AddValidated(seed: 4, problem: "churn");

        Registry.Promote("v1");
        Registry.Promote("v3");
        var second = Registry.Promote("v2");

        Assert.Equal(("v1", 2L), (second.Replaced, second.ProductionRevision));
        Assert.Equal(
            [("v1", "insurance", ModelStage.Archived), ("v2", "insurance", ModelStage.Production), ("v3", "churn", ModelStage.Production), ("v4", "churn", ModelStage.Candidate)],
            Registry.List().Select(m => (m.Version, m.Problem, m.Stage)));
        Assert.Equal(("v2", 2L), (Registry.GetProduction("insurance")?.Model.Version, Registry.GetProduction("insurance")?.Revision));
        Assert.Equal(("v3", 1L), (Registry.GetProduction("churn")?.Model.Version, Registry.ProductionRevision("churn")));
        Assert.Equal("v3", Registry.Get("production:churn").Version);
        Assert.Equal("v2", Registry.Get("production", "insurance").Version);
        Assert.Null(Registry.GetProduction("unknown"));
    }

    [Fact]
    public void Without_a_problem_rollback_and_production_are_ambiguous_once_two_problems_are_in_production()
    {
        AddValidated(seed: 1);
        AddValidated(seed: 2);
        AddValidated(seed: 3, problem: "churn");
        Registry.Promote("v1");
        Registry.Promote("v2");

        // One problem in production: no option needed, although churn models are registered.
        Assert.Equal("v2", Registry.Get("production").Version);
        Assert.Equal("insurance", Registry.ProblemOf(null));

        Registry.Promote("v3");
        var rollback = Assert.Throws<AmbiguousProblemException>(() => Registry.Rollback());
        Assert.Equal("the registry has production models of several problems (churn, insurance); name one with --problem NAME", rollback.Message);
        Assert.Throws<AmbiguousProblemException>(() => Registry.Get("production"));

        Assert.Equal("v1", Registry.Rollback(problem: "insurance").Restored.Version);
        Assert.Equal("v3", Registry.GetProduction("churn")?.Model.Version);
        var first = Assert.Throws<StageTransitionException>(() => Registry.Rollback(problem: "churn"));
        Assert.StartsWith("cannot roll back: v3 is the first production model", first.Message, StringComparison.Ordinal);
        RegistryConsistencyPerProblem(Registry);
    }

    [Fact]
    public void A_registry_of_one_other_problem_needs_no_option_either()
    {
        AddValidated(seed: 1, problem: "churn");
        Registry.Promote("v1");

        Assert.Equal(("churn", "v1"), (Registry.ProblemOf(null), Registry.GetProduction()?.Model.Version));
        Assert.Equal(1, Registry.ProductionRevision());
    }

    private static void RegistryConsistencyPerProblem(ModelRegistry registry)
    {
        var production = registry.List().Where(m => m.Stage == ModelStage.Production).ToList();
        Assert.Equal(production.Count, production.Select(m => m.Problem).Distinct().Count());
    }
}

public sealed class ProblemRegistryTestsOnSqlite() : ProblemRegistryTests(RegistryBackend.Sqlite);

public sealed class ProblemRegistryTestsOnPostgres() : ProblemRegistryTests(RegistryBackend.Postgres);
