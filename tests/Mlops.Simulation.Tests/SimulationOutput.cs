using System.Text.Json;
using Mlops.Core.Data;
using Mlops.Testing;

namespace Mlops.Simulation.Tests;

/// <summary>The JSON <c>mlops simulate --json</c> prints, read back.</summary>
public sealed record SimulationOutput(JsonElement Root)
{
    public IReadOnlyList<JsonElement> Months => [.. Root.GetProperty("months").EnumerateArray()];

    public JsonElement Month(int month) => Months.Single(m => m.GetProperty("month").GetInt32() == month);

    public static SimulationOutput Of(ProcessResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        return new SimulationOutput(json.RootElement.Clone());
    }

    /// <summary>The drifted feature columns of a month's window, as the monitor reported them.</summary>
    public static IReadOnlyList<string> Drifted(JsonElement month) =>
        [.. month.GetProperty("drift").GetProperty("drifted_columns").EnumerateArray().Select(c => c.GetString()!)];

    /// <summary>A feature as the monitor on the seed's reference names it: under the header's spelling, <c>emergency_breaking</c>.</summary>
    public static string InSeedSpelling(string column) =>
        column == Feature.Find("emergency_braking")!.Name ? InsuranceCsvFormat.SeedEmergencyBrakingSpelling : column;

    public static bool DatasetDrift(JsonElement month) => month.GetProperty("drift").GetProperty("dataset_drift").GetBoolean();

    /// <summary>The first month whose window drifted in <paramref name="column"/>; null if none.</summary>
    public int? FirstDrift(string column) =>
        Months.Where(m => m.TryGetProperty("drift", out _) && Drifted(m).Contains(column)).Select(m => (int?)m.GetProperty("month").GetInt32()).FirstOrDefault();
}
