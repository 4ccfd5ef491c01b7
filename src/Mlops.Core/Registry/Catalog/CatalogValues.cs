using System.Globalization;
using System.Text.Json;
using Mlops.Core.Serialization;

namespace Mlops.Core.Registry.Catalog;

/// <summary>How values are spelled in the catalog: enums in snake_case (as in JSON), times as ISO 8601, documents as compact JSON.</summary>
internal static class CatalogValues
{
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static TEnum Parse<TEnum>(string text)
        where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (Name(value) == text)
            {
                return value;
            }
        }

        throw new InvalidDataException($"registry catalog: unknown {typeof(TEnum).Name} '{text}'");
    }

    public static string Time(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static string Json<T>(T value) => JsonSerializer.Serialize(value, MlopsJson.Compact);

    public static T FromJson<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, MlopsJson.Compact) ?? throw new InvalidDataException($"registry catalog: empty {typeof(T).Name}");
}
