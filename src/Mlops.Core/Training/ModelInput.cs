using Microsoft.ML.Data;
using Mlops.Core.Data;

namespace Mlops.Core.Training;

/// <summary>
/// One row as the ML.NET model sees it: the six features as floats, in columns named like the
/// seed's CSV (see <see cref="Feature"/>). A saved model records these columns; loading checks them.
/// </summary>
public class ModelInput
{
    [ColumnName("training")]
    public float Training { get; set; }

    [ColumnName("age")]
    public float Age { get; set; }

    [ColumnName("emergency_braking")]
    public float EmergencyBraking { get; set; }

    [ColumnName("braking_distance")]
    public float BrakingDistance { get; set; }

    [ColumnName("power")]
    public float Power { get; set; }

    [ColumnName("miles")]
    public float Miles { get; set; }

    public static ModelInput From(InsuranceFeatures features)
    {
        var input = new ModelInput();
        input.Set(features);
        return input;
    }

    internal void Set(InsuranceFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        Training = features.Training ? 1 : 0;
        Age = (float)features.Age;
        EmergencyBraking = features.EmergencyBraking ? 1 : 0;
        BrakingDistance = (float)features.BrakingDistance;
        Power = (float)features.Power;
        Miles = (float)features.Miles;
    }
}
