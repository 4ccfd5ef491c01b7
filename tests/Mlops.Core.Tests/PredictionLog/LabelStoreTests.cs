using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.PredictionLog;
using Mlops.Testing;

namespace Mlops.Core.Tests.PredictionLog;

/// <summary>Late labels join the logged predictions by either key, once, with conflicts and unknown keys reported: SQLite and PostgreSQL.</summary>
public sealed class LabelStoreTests
{
    private static readonly DateTimeOffset Noon = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Labels_join_by_prediction_id_and_request_id_once_in_SQLite()
    {
        using var temp = new TemporaryDirectory();
        await using var log = SqlitePredictionLog.Open(temp.File("predictions.db"));
        await AssertJoinsAsync(log);
    }

    [Fact]
    public async Task Labels_join_by_prediction_id_and_request_id_once_in_PostgreSQL()
    {
        var connection = Environment.GetEnvironmentVariable("MLOPS_TEST_POSTGRES");
        Assert.False(string.IsNullOrWhiteSpace(connection), "MLOPS_TEST_POSTGRES is not set: run ./test.sh, which starts PostgreSQL with scripts/start-postgres.sh");
        await using var log = await PostgresPredictionLog.OpenAsync(connection!);
        await AssertJoinsAsync(log);
    }

    /// <summary>Works on a database shared with other runs: every key is new (fresh UUIDs, a random client-key prefix).</summary>
    private static async Task AssertJoinsAsync(IPredictionLog log)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var rows = Enumerable.Range(0, 4).Select(i => LoggedPrediction.Of(
            Noon.AddSeconds(i), "v1", "ml", new ClassPrediction((int)RiskGroup.Low, InsuranceVectors.Certain((int)RiskGroup.Low)), InsuranceVectors.Customer(false, 30, true, 40, 100, i), requestId: $"{run}-c{i % 3}")).ToArray();
        await log.AppendAsync(rows);
        var id = rows.Select(r => r.PredictionId.ToString()).ToArray();

        // c0 names two predictions (rows 0 and 3); an id in upper case is the same id.
        var first = await log.Labels.AddAsync(LabelKey.RequestId, [Label($"{run}-c0", RiskGroup.High), Label($"{run}-nobody", RiskGroup.Low)], Noon);
        Assert.Equal((2, 2, 0, 0, 1), (first.Received, first.Stored, first.AlreadyKnown, first.Conflicts, first.Unknown));
        Assert.Empty(first.ConflictExamples);
        Assert.Equal([$"{run}-nobody"], first.UnknownExamples);

        var second = await log.Labels.AddAsync(LabelKey.PredictionId, [
            Label(id[0].ToUpperInvariant(), RiskGroup.High), // the same label again: one label
            Label(id[3], RiskGroup.Low),                      // contradicts the stored High
            Label(id[1], RiskGroup.Medium),
            Label(id[2], RiskGroup.Low),
            Label(id[2], RiskGroup.Medium),                   // contradicts itself within the set
        ], Noon);
        Assert.Equal(5, second.Received);
        Assert.Equal(1, second.Stored);
        Assert.Equal(1, second.AlreadyKnown);
        Assert.Equal(2, second.Conflicts);
        Assert.Equal(new[] { id[2], id[3] }.Order(StringComparer.Ordinal), second.ConflictExamples.Order(StringComparer.Ordinal));
        Assert.Equal(0, second.Unknown);

        var labels = await log.Labels.ReadAllAsync();
        Assert.Equal((int)RiskGroup.High, labels[rows[0].PredictionId]);
        Assert.Equal((int)RiskGroup.High, labels[rows[3].PredictionId]);
        Assert.Equal((int)RiskGroup.Medium, labels[rows[1].PredictionId]);
        Assert.False(labels.ContainsKey(rows[2].PredictionId));
    }

    private static ArrivedLabel Label(string key, RiskGroup label) => new(key, (int)label, "test");
}
