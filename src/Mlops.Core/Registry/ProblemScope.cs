using Mlops.Core.Problems;
using Mlops.Core.Registry.Catalog;

namespace Mlops.Core.Registry;

/// <summary>
/// Which problem a stage command means when none is named: the one rule for rollback, the
/// <c>production</c> alias and the service. The only problem with a production model; else the only
/// problem with registered models; in an empty registry the insurance problem. Several candidates
/// are ambiguous and need <c>--problem NAME</c>; so a registry of insurance models alone (every
/// registry before models per problem) never needs the option.
/// </summary>
internal static class ProblemScope
{
    public static string Resolve(CatalogSession session, string? problem)
    {
        if (!string.IsNullOrWhiteSpace(problem))
        {
            return problem.Trim();
        }

        var inProduction = ProductionRows.Problems(session);
        if (inProduction.Count == 1)
        {
            return inProduction[0];
        }

        var registered = inProduction.Count == 0 ? ModelVersionRows.Problems(session) : inProduction;
        return registered.Count switch
        {
            0 => ProblemSchema.Insurance.Name,
            1 => registered[0],
            _ => throw new AmbiguousProblemException(
                $"the registry has {(inProduction.Count == 0 ? "models" : "production models")} of several problems ({string.Join(", ", registered)}); name one with --problem NAME"),
        };
    }
}
