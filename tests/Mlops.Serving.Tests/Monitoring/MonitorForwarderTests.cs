using System.Text.Json;
using Mlops.Core.Data;
using Mlops.Serving.Fallback;
using Mlops.Serving.Monitoring;

namespace Mlops.Serving.Tests.Monitoring;

public sealed class MonitorForwarderTests
{
    [Fact]
    public void Rows_are_the_monitors_row_objects_with_the_prediction_and_who_answered()
    {
        var bytes = MonitorForwarder.Serialize(
        [
            new(new InsuranceFeatures(true, 51.5, false, 30, 100, 10), RiskGroup.Low, AnswerSource.Ml),
            new(new InsuranceFeatures(false, 20, true, 45, 180, 60), RiskGroup.High, AnswerSource.BaselineOutOfRange),
        ]);

        using var json = JsonDocument.Parse(bytes);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(
            """{"training":1,"age":51.5,"emergency_braking":0,"braking_distance":30,"power":100,"miles":10,"prediction":2,"source":"ml"}""",
            rows[0].GetRawText());
        Assert.Equal(0, rows[1].GetProperty("prediction").GetInt32());
        Assert.Equal("baseline_out_of_range", rows[1].GetProperty("source").GetString());
    }
}
