using Mlops.Core.Registry.Catalog;

namespace Mlops.Core.Registry;

/// <summary>Stages: promotion through the gate, rollback, and the production model the service serves.</summary>
public sealed partial class ModelRegistry
{
    /// <summary>
    /// Makes <paramref name="version"/> the production model of its problem if its latest validation
    /// passed; the problem's previous production model is archived (exactly one production model per
    /// problem at any time, also with several processes promoting at once). A version never validated, or whose latest validation
    /// failed, is refused — <see cref="PromotionOutcome.Refused"/> with the failed checks in
    /// <see cref="PromotionResult.Gate"/> — unless <paramref name="force"/> is set with a
    /// <paramref name="reason"/>, which is recorded with time and user in the version's history.
    /// </summary>
    /// <exception cref="StageTransitionException">Forced without a reason.</exception>
    /// <exception cref="ArtifactCorruptedException">The version's stored files no longer match their hashes.</exception>
    public PromotionResult Promote(string version, bool force = false, string? reason = null)
    {
        if (force && string.IsNullOrWhiteSpace(reason))
        {
            throw new StageTransitionException("a forced promotion needs a reason (--reason TEXT); it is recorded in the version's history");
        }

        var note = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        return _catalog.Write(session =>
        {
            // Read and decide under the write lock (BEGIN IMMEDIATE): no other promotion can interleave.
            var model = VersionResolver.Resolve(session, version);
            var verdict = PromotionGate.Evaluate(model.Version, ValidationRows.Latest(session, model.Number));
            if (model.Stage == ModelStage.Production)
            {
                return new PromotionResult(PromotionOutcome.AlreadyInProduction, model, null, verdict, ProductionRows.Revision(session, model.Problem));
            }

            if (!verdict.Passed && !force)
            {
                return new PromotionResult(PromotionOutcome.Refused, model, null, verdict, ProductionRows.Revision(session, model.Problem));
            }

            // Never put a damaged model into production.
            _artifacts.Verified(model.ArtifactSha256, ModelVersionRows.Manifest(session, model.ArtifactSha256), Label(model));

            var now = _time.GetUtcNow();
            var revision = ProductionRows.NextRevision(session, model.Problem);
            var replaced = ModelVersionRows.InProduction(session, model.Problem);
            if (replaced is not null)
            {
                ModelVersionRows.SetStage(session, replaced.Number, ModelStage.Archived);
                StageChangeRows.Append(
                    session, replaced.Number, StageAction.Replaced, ModelStage.Production, ModelStage.Archived, $"replaced by {model.Version}", _user, now, revision);
            }

            var outcome = verdict.Passed ? PromotionOutcome.Promoted : PromotionOutcome.ForcedPromotion;
            var action = verdict.Passed ? StageAction.Promoted : StageAction.ForcedPromotion;
            ModelVersionRows.SetStage(session, model.Number, ModelStage.Production);
            StageChangeRows.Append(session, model.Number, action, model.Stage, ModelStage.Production, note, _user, now, revision);
            ProductionRows.Push(session, model.Problem, model.Number);
            ProductionRows.Set(session, model.Problem, model.Number, revision);
            return new PromotionResult(outcome, model with { Stage = ModelStage.Production }, replaced?.Version, verdict, revision);
        });
    }

    /// <summary>
    /// Restores the problem's previous production model (the one the current one replaced) and archives
    /// the current one. Rolling back again goes one further step back along the problem's line of production models.
    /// </summary>
    /// <param name="reason">Recorded in the history.</param>
    /// <param name="problem">The problem; null: the only problem with a production model (<see cref="ProblemOf"/>).</param>
    /// <exception cref="StageTransitionException">No model in production, or no previous production model.</exception>
    /// <exception cref="ArtifactCorruptedException">The previous model's stored files no longer match their hashes.</exception>
    /// <exception cref="AmbiguousProblemException">No problem given, and several have production models.</exception>
    public RollbackResult Rollback(string? reason = null, string? problem = null)
    {
        var note = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        return _catalog.Write(session =>
        {
            var scope = ProblemScope.Resolve(session, problem);
            var current = ModelVersionRows.InProduction(session, scope)
                ?? throw new StageTransitionException(problem is null ? "cannot roll back: no model is in production" : $"cannot roll back: no {scope} model is in production");
            var previousNumber = ProductionRows.Previous(session, scope)
                ?? throw new StageTransitionException($"cannot roll back: {current.Version} is the first production model, there is no previous production model to restore");
            var previous = ModelVersionRows.ByNumber(session, previousNumber)!;
            _artifacts.Verified(previous.ArtifactSha256, ModelVersionRows.Manifest(session, previous.ArtifactSha256), Label(previous));

            var now = _time.GetUtcNow();
            var revision = ProductionRows.NextRevision(session, scope);
            ModelVersionRows.SetStage(session, current.Number, ModelStage.Archived);
            StageChangeRows.Append(
                session, current.Number, StageAction.RolledBack, ModelStage.Production, ModelStage.Archived, note ?? $"rolled back to {previous.Version}", _user, now, revision);
            ModelVersionRows.SetStage(session, previous.Number, ModelStage.Production);
            StageChangeRows.Append(
                session, previous.Number, StageAction.Restored, previous.Stage, ModelStage.Production, note ?? $"rollback from {current.Version}", _user, now, revision);
            ProductionRows.Pop(session, scope);
            ProductionRows.Set(session, scope, previous.Number, revision);
            return new RollbackResult(previous with { Stage = ModelStage.Production }, current with { Stage = ModelStage.Archived }, revision);
        });
    }

    /// <summary>
    /// The problem of <paramref name="problem"/>'s production model (its card's), what the service
    /// following production answers and logs; null when no model is in production. Without a problem,
    /// <see cref="ProblemScope"/>'s rule (several problems in production: <see cref="AmbiguousProblemException"/>).
    /// </summary>
    public Problems.ProblemSchema? ProductionProblem(string? problem = null) => _catalog.Read(session =>
    {
        var (number, _) = ProductionRows.Current(session, ProblemScope.Resolve(session, problem));
        return number is { } n ? ModelVersionRows.ByNumber(session, n)!.Card.ProblemOrInsurance : null;
    });

    /// <summary>
    /// The production model of <paramref name="problem"/> (null: <see cref="ProblemOf"/>) with the path
    /// of its verified model folder, or null when none is in production. A service loads it at start
    /// and whenever <see cref="ProductionRevision"/> changes.
    /// </summary>
    /// <exception cref="ArtifactCorruptedException">The production model's files no longer match their hashes (keep serving the old one).</exception>
    public ProductionModel? GetProduction(string? problem = null)
    {
        var current = _catalog.Read(session =>
        {
            var (number, revision) = ProductionRows.Current(session, ProblemScope.Resolve(session, problem));
            if (number is not { } n)
            {
                return null;
            }

            var model = ModelVersionRows.ByNumber(session, n)!;
            return new { Model = model, Revision = revision, Manifest = ModelVersionRows.Manifest(session, model.ArtifactSha256) };
        });
        if (current is null)
        {
            return null;
        }

        var path = _artifacts.Verified(current.Model.ArtifactSha256, current.Manifest, Label(current.Model));
        return new ProductionModel(current.Model, path, current.Revision);
    }

    /// <summary>
    /// A number that grows by one on every promotion and rollback of <paramref name="problem"/>'s
    /// production model (0 before the first): the cheap change indicator for hot reload — one
    /// single-row query, no file hashing. Null: <see cref="ProblemOf"/> (a service names its problem once, at start).
    /// </summary>
    public long ProductionRevision(string? problem = null) =>
        _catalog.Read(session => ProductionRows.Revision(session, problem is null ? ProblemScope.Resolve(session, null) : problem));

    /// <summary>The production revision of every problem that ever had a production model, by name.</summary>
    public IReadOnlyDictionary<string, long> ProductionRevisions() => _catalog.Read(ProductionRows.All);

    /// <summary>Every stage change of every version, in the order they happened.</summary>
    public IReadOnlyList<StageChange> History() => _catalog.Read(StageChangeRows.All);
}
