using System.Text.Json;
using Mlops.Core.Data;

namespace Mlops.Core.Serialization;

/// <summary>
/// The six features as JSON properties, the way the seed's API spells them (flags as 0/1): the body
/// of <c>/predict</c> and the rows of the monitor's <c>/iterate</c>. One writer for every client.
/// </summary>
public static class FeatureJson
{
    /// <summary>Writes the six properties into the object the writer is in.</summary>
    public static void WriteProperties(Utf8JsonWriter json, InsuranceFeatures features)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(features);
        json.WriteNumber("training"u8, features.Training ? 1 : 0);
        json.WriteNumber("age"u8, features.Age);
        json.WriteNumber("emergency_braking"u8, features.EmergencyBraking ? 1 : 0);
        json.WriteNumber("braking_distance"u8, features.BrakingDistance);
        json.WriteNumber("power"u8, features.Power);
        json.WriteNumber("miles"u8, features.Miles);
    }
}
