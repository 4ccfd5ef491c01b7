using Mlops.Core.Data;

namespace Mlops.Core.Generation;

/// <summary>Writes the reference data and every production month into one folder, in the seed's layout.</summary>
public static class DatasetSeries
{
    /// <summary>
    /// Generates and writes month 0 (reference) to <paramref name="months"/>; reports each written file.
    /// Without <paramref name="conceptDrift"/> the months have covariate drift only (see <see cref="ProductionMonth.ConceptDrift"/>).
    /// </summary>
    public static IReadOnlyList<string> Write(
        InsuranceDataGenerator generator,
        string directory,
        int months,
        int rows,
        IProgress<string>? progress = null,
        bool conceptDrift = true)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        Directory.CreateDirectory(directory);

        var written = new string[months + 1];

        // Months are independent (one seed each), so they can be drawn and written in parallel.
        Parallel.For(0, months + 1, m =>
        {
            var month = new ProductionMonth(m) { ConceptDrift = conceptDrift };
            var path = Path.Combine(directory, month.FileName);
            InsuranceCsvWriter.WriteFile(path, generator.Generate(month, rows));
            written[m] = path;
            progress?.Report(path);
        });

        return written;
    }
}
