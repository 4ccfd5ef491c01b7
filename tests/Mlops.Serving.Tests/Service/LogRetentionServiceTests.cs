using Mlops.Core.PredictionLog;
using Parquet;

namespace Mlops.Serving.Tests.Service;

/// <summary><c>mlops serve --log-retention</c>: the service exports old rows to Parquet, then prunes them — every pruned row is in an archive.</summary>
public sealed class LogRetentionServiceTests
{
    [Fact]
    public async Task Rows_older_than_the_retention_are_archived_to_Parquet_and_then_pruned()
    {
        using var sandbox = new ServiceSandbox();
        sandbox.Promote(sandbox.Register(await TrainedModels.First()));
        var archive = Path.Combine(sandbox.Home, "archive");
        await using var service = await sandbox.StartAsync("--log-retention", "1s", "--log-retention-every", "1s", "--log-archive", archive);
        var bodies = TrainedModels.ReferenceRows.Take(5).Select(r => ServiceSandbox.Body(r.Features)).ToArray();
        var ids = (await ServiceSandbox.PostAsync(service.Http, "predict/batch", $"[{string.Join(",", bodies)}]")).Json.EnumerateArray()
            .Select(a => a.GetProperty("prediction_id").GetString()!).ToHashSet();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        long left;
        do
        {
            await Task.Delay(250);
            await using var log = SqlitePredictionLog.Open(sandbox.PredictionLogPath);
            left = await log.CountAsync();
        }
        while (left > 0 && DateTime.UtcNow < deadline);

        Assert.Equal(0, left);
        var archived = new HashSet<string>();
        foreach (var file in Directory.GetFiles(archive, "*.parquet"))
        {
            await using var reader = await ParquetReader.CreateAsync(file);
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var rows = new string[group.RowCount];
                await group.ReadAsync(reader.Schema.FindDataField("prediction_id"), rows);
                archived.UnionWith(rows);
            }
        }

        Assert.Superset(ids, archived);
        Assert.Empty(Directory.GetFiles(archive, "*.partial-*"));
    }
}
