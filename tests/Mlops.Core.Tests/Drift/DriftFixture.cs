using System.Text.Json;
using Mlops.Core.Data;
using Mlops.Core.Drift;
using Mlops.Testing;

namespace Mlops.Core.Tests.Drift;

/// <summary>One case of Fixtures/drift/scipy-drift.json: two samples and what SciPy computed for them.</summary>
public sealed class DriftFixture
{
    private static readonly Lazy<IReadOnlyList<DriftFixture>> Cases = new(Load);
    private static readonly Dictionary<string, NumericTable> SeedFiles = [];

    private readonly JsonElement _expected;

    private DriftFixture(JsonElement element)
    {
        Name = element.GetProperty("name").GetString()!;
        Kind = element.GetProperty("kind").GetString() == "num" ? FeatureKind.Numerical : FeatureKind.Categorical;
        _expected = element.GetProperty("expected");
        if (element.TryGetProperty("seed", out var seed))
        {
            var column = seed.GetProperty("column").GetString()!;
            Reference = SeedColumn(seed.GetProperty("reference").GetString()!, column);
            Current = SeedColumn(seed.GetProperty("current").GetString()!, column);
        }
        else
        {
            Reference = element.GetProperty("reference").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            Current = element.GetProperty("current").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        }
    }

    public string Name { get; }

    public FeatureKind Kind { get; }

    public double[] Reference { get; }

    public double[] Current { get; }

    public static IReadOnlyList<DriftFixture> All => Cases.Value;

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in All)
        {
            data.Add(c.Name);
        }

        return data;
    }

    public static DriftFixture Named(string name) => All.Single(c => c.Name == name);

    public bool Has(string key) => _expected.TryGetProperty(key, out _);

    public double Expected(string key)
    {
        var value = _expected.GetProperty(key);
        return value.ValueKind == JsonValueKind.String
            ? double.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            : value.GetDouble();
    }

    public string ExpectedText(string key) => _expected.GetProperty(key).GetString()!;

    public override string ToString() => Name;

    private static IReadOnlyList<DriftFixture> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "drift", "scipy-drift.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.GetProperty("cases").EnumerateArray().Select(e => new DriftFixture(e.Clone()))];
    }

    private static double[] SeedColumn(string file, string column)
    {
        lock (SeedFiles)
        {
            if (!SeedFiles.TryGetValue(file, out var table))
            {
                table = NumericTable.FromDataset(InsuranceCsvReader.ReadFile(RepositoryPaths.SeedFile(file)));
                SeedFiles[file] = table;
            }

            return table.Values(column);
        }
    }
}
