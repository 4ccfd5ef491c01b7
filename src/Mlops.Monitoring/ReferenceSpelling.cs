using Mlops.Core.Drift;
using Mlops.Core.Problems;

namespace Mlops.Monitoring;

/// <summary>
/// The column names as the reference file's header writes them. The monitor computes under canonical
/// names but exports each feature under the reference's spelling, as Evidently did: the seed's reference
/// spells <c>emergency_breaking</c> (an alias in the insurance problem file), and an existing query or alert filtering on
/// <c>feature="emergency_breaking"</c> must keep finding its series.
/// </summary>
public sealed class ReferenceSpelling
{
    private readonly Dictionary<string, string> _asWritten;

    private ReferenceSpelling(Dictionary<string, string> asWritten) => _asWritten = asWritten;

    /// <summary>From the reference's header names; a feature's name is canonical (an alias the problem lists becomes it), any other name is its own.</summary>
    public static ReferenceSpelling Of(IEnumerable<string> header, ProblemSchema problem)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(problem);
        var asWritten = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in header.Select(n => n.Trim()))
        {
            var canonical = problem.FindFeature(name)?.Name ?? name;
            if (canonical != name)
            {
                asWritten.TryAdd(canonical, name);
            }
        }

        return new ReferenceSpelling(asWritten);
    }

    /// <summary>The reference's name for a canonical column name (the name itself when the reference writes it so).</summary>
    public string Of(string canonical) => _asWritten.GetValueOrDefault(canonical, canonical);

    /// <summary>The report with every column under the reference's name.</summary>
    public DatasetDriftReport Apply(DatasetDriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (_asWritten.Count == 0)
        {
            return report;
        }

        return report with
        {
            Columns = [.. report.Columns.Select(c => c with { Column = Of(c.Column) })],
            PredictionDrift = report.PredictionDrift is { } p ? p with { Column = Of(p.Column) } : null,
        };
    }
}
