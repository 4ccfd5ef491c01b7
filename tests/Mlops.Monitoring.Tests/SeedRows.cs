using System.Text.Json.Nodes;
using Mlops.Testing;

namespace Mlops.Monitoring.Tests;

/// <summary>The seed's month files as the seed's client posts them: whole CSV rows as JSON objects, header spelling and labels included.</summary>
public static class SeedRows
{
    /// <summary>
    /// One month as a JSON array; <paramref name="asStrings"/> sends values as the CSV's text instead of numbers.
    /// <paramref name="possibleOnly"/> leaves out the rows no customer can have (negative miles, a non-positive
    /// age, braking distance or power: the late months have them), which the monitor refuses.
    /// </summary>
    public static string Month(int month, bool asStrings = false, bool possibleOnly = false)
    {
        var lines = File.ReadAllLines(RepositoryPaths.SeedMonth(month));
        var header = lines[0].Split(';');
        var rows = new JsonArray();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0 && (!possibleOnly || IsPossible(l))))
        {
            var fields = line.Split(';');
            var row = new JsonObject();
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = asStrings || header[i] == "group_name"
                    ? JsonValue.Create(fields[i])
                    : JsonValue.Create(double.Parse(fields[i], System.Globalization.CultureInfo.InvariantCulture));
            }

            rows.Add(row);
        }

        return rows.ToJsonString();
    }

    /// <summary>The test's own reading of the bounds: age, braking distance, power above 0, miles not negative.</summary>
    public static bool IsPossible(string csvLine)
    {
        var f = csvLine.Split(';').Take(6).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return f[1] > 0 && f[3] > 0 && f[4] > 0 && f[5] >= 0;
    }
}
