using Mlops.Core.Registry.Catalog;
using Mlops.Core.Validation;

namespace Mlops.Core.Registry;

/// <summary>Validations: the evidence on which the promotion gate decides.</summary>
public sealed partial class ModelRegistry
{
    /// <summary>
    /// Records <paramref name="report"/> on <paramref name="version"/>. The latest recorded report is
    /// the one the promotion gate judges by.
    /// </summary>
    /// <exception cref="UnknownModelVersionException">No such version.</exception>
    public ValidationRecord RecordValidation(string version, ValidationReport report)
    {
        CheckReport(report);
        return _catalog.Write(session =>
            ValidationRows.Insert(session, VersionResolver.Resolve(session, version).Number, report, _time.GetUtcNow(), _user));
    }

    /// <summary>
    /// Records <paramref name="report"/> on the registered version whose content equals
    /// <paramref name="modelFolder"/> (what <c>mlops validate -m DIR</c> calls); null when that content
    /// is not registered, so nothing was recorded.
    /// </summary>
    public ValidationRecord? RecordValidationForFolder(string modelFolder, ValidationReport report)
    {
        CheckReport(report);
        var sha = ManifestOf(modelFolder).Sha256;
        return _catalog.Write(session => ModelVersionRows.ByArtifact(session, sha) is { } model
            ? ValidationRows.Insert(session, model.Number, report, _time.GetUtcNow(), _user)
            : null);
    }

    /// <summary>The gate's verdict on <paramref name="version"/> now, without changing anything.</summary>
    public GateVerdict Gate(string version) => _catalog.Read(session =>
    {
        var model = VersionResolver.Resolve(session, version);
        return PromotionGate.Evaluate(model.Version, ValidationRows.Latest(session, model.Number));
    });

    private static void CheckReport(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (string.IsNullOrWhiteSpace(report.DataSha256))
        {
            throw new InvalidInputException($"validation report on {report.DataFile}: no data SHA-256; lineage needs the exact data");
        }

        if (report.Checks.Count == 0)
        {
            throw new InvalidInputException($"validation report on {report.DataFile}: has no checks; it cannot pass a gate");
        }
    }
}
