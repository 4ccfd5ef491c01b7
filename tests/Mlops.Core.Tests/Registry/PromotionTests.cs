using Mlops.Core.Registry;

namespace Mlops.Core.Tests.Registry;

public abstract class PromotionTests(RegistryBackend backend) : RegistryTestBase(backend)
{
    [Fact]
    public void A_model_never_validated_is_refused()
    {
        Add(seed: 1);

        var result = Registry.Promote("v1");

        Assert.Equal(PromotionOutcome.Refused, result.Outcome);
        Assert.Null(result.Gate.LatestValidation);
        Assert.Contains("never validated", result.Gate.Reason, StringComparison.Ordinal);
        Assert.Equal(ModelStage.Candidate, Registry.Get("v1").Stage);
        Assert.Equal(0, Registry.ProductionRevision());
    }

    [Fact]
    public void A_model_whose_latest_validation_failed_is_refused_with_its_failed_checks()
    {
        Add(seed: 1);
        Registry.RecordValidation("v1", RegistryFixtures.Passing());
        Registry.RecordValidation("v1", RegistryFixtures.Failing());

        var result = Registry.Promote("v1");

        Assert.Equal(PromotionOutcome.Refused, result.Outcome);
        Assert.False(result.InProduction);
        Assert.Equal(["test_accuracy_min", "class_balance_low"], result.Gate.FailedChecks.Select(c => c.Name));
        var accuracy = result.Gate.FailedChecks[0];
        Assert.Equal((0.62, "> 0.85"), (accuracy.Measured, accuracy.Bound));
        Assert.Equal("latest validation of v1 on month-12.csv failed 2 of 3 checks", result.Gate.Reason);
        Assert.Equal(ModelStage.Candidate, Registry.Get("v1").Stage);
        Assert.Single(Registry.History());
    }

    [Fact]
    public void The_latest_validation_decides()
    {
        Add(seed: 1);
        Registry.RecordValidation("v1", RegistryFixtures.Failing());
        Registry.RecordValidation("v1", RegistryFixtures.Passing());

        Assert.True(Registry.Gate("v1").Passed);
        Assert.Equal(PromotionOutcome.Promoted, Registry.Promote("v1").Outcome);
    }

    [Fact]
    public void A_forced_promotion_needs_a_reason_and_records_it_with_time_and_user()
    {
        Add(seed: 1);
        Registry.RecordValidation("v1", RegistryFixtures.Failing());

        var noReason = Assert.Throws<StageTransitionException>(() => Registry.Promote("v1", force: true, reason: " "));
        Assert.Contains("needs a reason", noReason.Message, StringComparison.Ordinal);

        Clock.Now = Clock.Now.AddHours(2);
        var result = Registry.Promote("v1", force: true, reason: "hotfix: accept lower accuracy until the retrain");

        Assert.Equal(PromotionOutcome.ForcedPromotion, result.Outcome);
        var forced = Registry.Lineage("v1").History[^1];
        Assert.Equal(StageAction.ForcedPromotion, forced.Action);
        Assert.Equal((ModelStage?)ModelStage.Candidate, forced.From);
        Assert.Equal(ModelStage.Production, forced.To);
        Assert.Equal("hotfix: accept lower accuracy until the retrain", forced.Reason);
        Assert.Equal("alice", forced.User);
        Assert.Equal(Clock.Now, forced.At);
    }

    [Fact]
    public void Promoting_archives_the_previous_production_model_and_bumps_the_revision()
    {
        AddValidated(seed: 1);
        AddValidated(seed: 2);

        var first = Registry.Promote("v1");
        var second = Registry.Promote("v2");

        Assert.Equal((PromotionOutcome.Promoted, null, 1L), (first.Outcome, first.Replaced, first.ProductionRevision));
        Assert.Equal((PromotionOutcome.Promoted, "v1", 2L), (second.Outcome, second.Replaced, second.ProductionRevision));
        Assert.Equal(ModelStage.Archived, Registry.Get("v1").Stage);
        Assert.Equal(ModelStage.Production, Registry.Get("v2").Stage);
        Assert.Single(Registry.List(), m => m.Stage == ModelStage.Production);
        Assert.Equal(2, Registry.ProductionRevision());
        var replaced = Registry.Lineage("v1").History[^1];
        Assert.Equal((StageAction.Replaced, "replaced by v2", 2L), (replaced.Action, replaced.Reason, replaced.ProductionRevision));
    }

    [Fact]
    public void Promoting_the_production_model_again_changes_nothing()
    {
        AddValidated(seed: 1);
        Registry.Promote("v1");

        var again = Registry.Promote("v1");

        Assert.Equal(PromotionOutcome.AlreadyInProduction, again.Outcome);
        Assert.Equal(1, Registry.ProductionRevision());
        Assert.Equal(2, Registry.History().Count);
    }

    [Fact]
    public void Promote_and_rollback_round_trip()
    {
        AddValidated(seed: 1);
        AddValidated(seed: 2);
        Registry.Promote("v1");
        Registry.Promote("v2");

        var rollback = Registry.Rollback("v2 answers slowly");

        Assert.Equal(("v1", "v2", 3L), (rollback.Restored.Version, rollback.RolledBack.Version, rollback.ProductionRevision));
        Assert.Equal(ModelStage.Production, Registry.Get("v1").Stage);
        Assert.Equal(ModelStage.Archived, Registry.Get("v2").Stage);
        Assert.Equal("v1", Registry.GetProduction()?.Model.Version);
        var restored = Registry.Lineage("v1").History[^1];
        Assert.Equal((StageAction.Restored, (ModelStage?)ModelStage.Archived, "v2 answers slowly"), (restored.Action, restored.From, restored.Reason));

        // Forward again: the archived v2 still has its passing validation.
        Assert.Equal(PromotionOutcome.Promoted, Registry.Promote("v2").Outcome);
        Assert.Equal("v2", Registry.GetProduction()?.Model.Version);
        Assert.Equal(4, Registry.ProductionRevision());
    }

    [Fact]
    public void Rollback_walks_back_along_the_production_line_and_stops_at_the_first()
    {
        AddValidated(seed: 1);
        AddValidated(seed: 2);
        AddValidated(seed: 3);
        Registry.Promote("v1");
        Registry.Promote("v2");
        Registry.Promote("v3");

        Assert.Equal("v2", Registry.Rollback().Restored.Version);
        Assert.Equal("v1", Registry.Rollback().Restored.Version);
        var error = Assert.Throws<StageTransitionException>(() => Registry.Rollback());

        Assert.Equal("cannot roll back: v1 is the first production model, there is no previous production model to restore", error.Message);
        Assert.Equal("v1", Registry.Get("production").Version);
    }

    [Fact]
    public void Rollback_without_a_production_model_is_a_clear_error()
    {
        AddValidated(seed: 1);

        var error = Assert.Throws<StageTransitionException>(() => Registry.Rollback());

        Assert.Equal("cannot roll back: no model is in production", error.Message);
    }

    [Fact]
    public void The_production_model_comes_with_a_verified_path_and_its_revision()
    {
        Assert.Null(Registry.GetProduction());
        var model = AddValidated(seed: 1);
        Registry.Promote("v1");

        var production = Registry.GetProduction();

        Assert.NotNull(production);
        Assert.Equal(("v1", 1L), (production.Model.Version, production.Revision));
        Assert.True(File.Exists(Path.Combine(production.Path, "model.zip")));
        Assert.Equal(model.ArtifactSha256, ArtifactManifest.OfFolder(production.Path).Sha256);
    }
}

public sealed class PromotionTestsOnSqlite() : PromotionTests(RegistryBackend.Sqlite);

public sealed class PromotionTestsOnPostgres() : PromotionTests(RegistryBackend.Postgres);
