using Mlops.Cli.Infrastructure;
using Mlops.Core.Analysis;
using Mlops.Core.Data;
using Mlops.Core.Generation;
using Mlops.Core.Problems;

namespace Mlops.Cli.Demo;

/// <summary>
/// The data the story runs on: the talk's causal model generated into the workspace (seed 0, 1,500
/// rows a month), or a folder given with <c>--data</c> (e.g. the seed's original <c>seed-data</c>),
/// every file of which is read once before anything starts, so a broken file is bad input (exit 2).
/// </summary>
public sealed record DemoData(string Folder, bool Generated, int Months, int ReferenceRows)
{
    public string Reference => Path.Combine(Folder, new ProductionMonth(0).FileName);

    public string Month(int month) => Path.Combine(Folder, new ProductionMonth(month).FileName);

    /// <summary>Reference and months 1 … N as the analysis reads them.</summary>
    public (ProblemMonth Reference, IReadOnlyList<ProblemMonth> Months) Read() =>
        (ProblemMonth.Read(Reference, ProblemSchema.Insurance, 0), [.. Enumerable.Range(1, Months).Select(m => ProblemMonth.Read(Month(m), ProblemSchema.Insurance, m))]);

    public static DemoData Generate(string folder, int months)
    {
        DatasetSeries.Write(new InsuranceDataGenerator(seed: 0), folder, months, InsuranceDataGenerator.DefaultRows);
        return new DemoData(folder, Generated: true, months, InsuranceDataGenerator.DefaultRows);
    }

    /// <exception cref="UsageException">A file is missing.</exception>
    /// <exception cref="DataFormatException">A file is not valid data (the reference and the labeled month need labels).</exception>
    public static DemoData Take(string folder, int months, int labeledMonth)
    {
        var data = new DemoData(Path.GetFullPath(folder), Generated: false, months, 0);
        var missing = Enumerable.Range(0, months + 1).Select(data.Month).FirstOrDefault(f => !File.Exists(f));
        if (missing is not null)
        {
            throw new UsageException($"--data {folder}: {Path.GetFileName(missing)} is missing; the demo needs reference.csv and month-1.csv … month-{months}.csv");
        }

        var reference = InsuranceCsvReader.ReadFile(data.Reference, requireLabels: true);
        foreach (var month in Enumerable.Range(1, months))
        {
            InsuranceCsvReader.ReadFile(data.Month(month), requireLabels: month == labeledMonth);
        }

        return data with { ReferenceRows = reference.Records.Count };
    }
}
