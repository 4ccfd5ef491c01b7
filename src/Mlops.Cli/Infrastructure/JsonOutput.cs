using System.Text.Json;
using Mlops.Core.Serialization;

namespace Mlops.Cli.Infrastructure;

/// <summary>Writes machine-readable results to stdout, bypassing the console's markup and wrapping.</summary>
public static class JsonOutput
{
    public static void Write<T>(T value)
    {
        Console.Out.WriteLine(JsonSerializer.Serialize(value, MlopsJson.Options));
        Console.Out.Flush();
    }
}
