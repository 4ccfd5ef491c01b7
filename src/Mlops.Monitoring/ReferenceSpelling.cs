using Mlops.Core.Data;
using Mlops.Core.Drift;

namespace Mlops.Monitoring;

/// <summary>
/// The column names as the reference file's header writes them. The monitor computes under canonical
/// names but exports each feature under the reference's spelling, as Evidently did: the seed's reference
/// spells <c>emergency_breaking</c>, and an existing query or alert filtering on
/// <c>feature="emergency_breaking"</c> must keep finding its series.
/// </summary>
public sealed class ReferenceSpelling
{
    private readonly Dictionary<string, string> _asWritten;

    private ReferenceSpelling(Dictionary<string, string> asWritten) => _asWritten = asWritten;

    /// <summary>Reads the header line of <paramref name="path"/> (the reference has been read and checked already).</summary>
    public static ReferenceSpelling OfFile(string path)
    {
        var header = DataFile.Read(path, reader => DataFile.Lines(reader).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l))) ?? "";
        return Of(header.TrimStart('\uFEFF').Split(InsuranceCsvFormat.Separator));
    }

    /// <summary>From header names; a name whose canonical form equals it needs no entry.</summary>
    public static ReferenceSpelling Of(IEnumerable<string> header)
    {
        var asWritten = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in header.Select(n => n.Trim()))
        {
            var canonical = InsuranceCsvFormat.Canonical(name);
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
