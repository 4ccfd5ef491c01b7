using System.Net;
using Mlops.Core.Data;
using Mlops.Core.PredictionLog;

namespace Mlops.Serving.Tests.Service;

/// <summary><c>POST /labels</c>: late labels for answered predictions, stored next to the log; a bad row refuses the whole request.</summary>
public sealed class LabelsServiceTests
{
    [Fact]
    public async Task Labels_for_answered_predictions_are_stored_and_a_bad_row_stores_nothing()
    {
        using var sandbox = new ServiceSandbox();
        sandbox.Promote(sandbox.Register(await TrainedModels.First()));
        await using var service = await sandbox.StartAsync();
        var bodies = TrainedModels.ReferenceRows.Take(3).Select(r => ServiceSandbox.Body(r.Features)).ToArray();
        var ids = (await ServiceSandbox.PostAsync(service.Http, "predict/batch", $"[{string.Join(",", bodies)}]")).Json.EnumerateArray()
            .Select(a => a.GetProperty("prediction_id").GetString()!).ToArray();

        var bad = await ServiceSandbox.PostAsync(service.Http, "labels", $$"""[{"prediction_id":"{{ids[0]}}","label":0},{"prediction_id":"{{ids[1]}}","label":"very high"}]""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.Status);
        Assert.Equal(1, bad.Json.GetProperty("row").GetInt32());
        Assert.Equal("label", bad.Json.GetProperty("field").GetString());
        var mixed = await ServiceSandbox.PostAsync(service.Http, "labels", $$"""[{"prediction_id":"{{ids[0]}}","label":0},{"request_id":"c1","label":1}]""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mixed.Status);
        Assert.Equal("request_id", mixed.Json.GetProperty("field").GetString());

        var good = await ServiceSandbox.PostAsync(service.Http, "labels", $$"""[{"prediction_id":"{{ids[0]}}","label":0},{"prediction_id":"{{ids[1]}}","label":"low"},{"prediction_id":"{{Guid.CreateVersion7()}}","label":1}]""");
        Assert.True(good.Status == HttpStatusCode.OK, good.ToString());
        Assert.Equal(2, good.Json.GetProperty("stored").GetInt32());
        Assert.Equal(1, good.Json.GetProperty("unknown").GetInt32());

        Assert.Equal(0, await service.StopAsync());
        await using var log = SqlitePredictionLog.Open(sandbox.PredictionLogPath);
        var labels = await log.Labels.ReadAllAsync();
        Assert.Equal(new Dictionary<Guid, RiskGroup> { [Guid.Parse(ids[0])] = RiskGroup.High, [Guid.Parse(ids[1])] = RiskGroup.Low }, labels);
    }
}
