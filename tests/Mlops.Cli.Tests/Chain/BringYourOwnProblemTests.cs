using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mlops.Testing;
using Mlops.Testing.Services;

namespace Mlops.Cli.Tests.Chain;

/// <summary>
/// A problem that is not the talk's — Fisher's Iris (examples/iris) — through the whole chain with real
/// processes, by the commands of the README's "Bring your own problem": <c>schema infer</c> → edit →
/// <c>train --register</c> → <c>validate</c> (recorded) → <c>registry promote</c> → <c>serve</c> (answers by
/// species) → <c>monitor</c> following the prediction log, estimating the production model → <c>simulate</c>
/// three months → <c>drift</c> → <c>analyze</c> (HTML). The commands run in a folder that holds a copy of
/// <c>examples/iris</c>, as they do from the repository's root; the services get free ports instead of the
/// README's defaults. The months are committed (examples/iris/README.md: a fixed-seed split): the first
/// two like the reference, the third a delivery of mostly virginica, which the monitor must call drift.
/// </summary>
public sealed class BringYourOwnProblemTests : IDisposable
{
    private const string Section = "## Bring your own problem";

    // The README's commands, in its order (README.md, section "Bring your own problem").
    private static readonly string[] Infer = ["schema", "infer", "examples/iris/iris.csv", "--label", "species", "--out", "iris.problem.json"];
    private static readonly string[] Train = ["train", "--problem", "iris.problem.json", "-d", "examples/iris/reference.csv", "-m", "iris-model", "--trainer", "maxent", "--register"];
    private static readonly string[] Validate = ["validate", "-d", "examples/iris/reference.csv", "-m", "iris-model", "--spec", "examples/iris/invariants.json"];
    private static readonly string[] Promote = ["registry", "promote", "v1"];
    private static readonly string[] Serve = ["serve"];
    private static readonly string[] Monitor = ["monitor", "--model", "production", "-r", "examples/iris/reference.csv", "--window", "30", "--prediction-log", "sqlite:.mlops/predictions.db"];
    private static readonly string[] Simulate = ["simulate", "-d", "examples/iris/months", "--months", "1-3"];
    private static readonly string[] Drift = ["drift", "--problem", "iris.problem.json", "-r", "examples/iris/reference.csv", "-c", "examples/iris/months/month-3.csv"];
    private static readonly string[] Analyze = ["analyze", "-r", "examples/iris/reference.csv", "-c", "examples/iris/months", "-m", "production", "-o", "iris-report.html"];

    private static readonly string Iris = Path.Combine(RepositoryPaths.Root, "examples", "iris");

    private readonly TemporaryDirectory _folder = new("mlops-iris-chain");
    private readonly Dictionary<string, string> _environment;

    public BringYourOwnProblemTests()
    {
        var copy = Directory.CreateDirectory(Path.Combine(_folder.Path, "examples", "iris", "months")).Parent!.FullName;
        foreach (var file in new[] { "iris.csv", "reference.csv", "invariants.json", "months/month-1.csv", "months/month-2.csv", "months/month-3.csv" })
        {
            File.Copy(Path.Combine(Iris, file), Path.Combine(copy, file));
        }

        // The README's defaults made explicit: the registry and prediction log in .mlops/ of this folder.
        _environment = new() { ["MLOPS_HOME"] = _folder.File(".mlops"), ["MLOPS_REGISTRY"] = "" };
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_readme_section_shows_exactly_the_commands_this_test_runs()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var start = readme.IndexOf(Section, StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no section '{Section}'");
        var end = readme.IndexOf("\n## ", start + Section.Length, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];

        // The section's first two code blocks: the six commands, then production, drift and analysis.
        var blocks = section.Split("```").Where((_, i) => i % 2 == 1).Take(2);
        var shown = blocks.SelectMany(b => b.Split('\n')).Select(l => l.Trim()).Where(l => l.StartsWith("./mlops ", StringComparison.Ordinal))
            .Select(l => l.TrimEnd('&', ' ')).ToArray();

        Assert.Equal(
            new[] { Infer, Train, Validate, Promote, Serve, Monitor, Simulate, Drift, Analyze }.Select(c => "./mlops " + string.Join(' ', c)),
            shown);
    }

    [Fact]
    public async Task Iris_goes_from_raw_csv_to_a_served_monitored_analyzed_model()
    {
        // schema infer, then the edit the README describes: lengths and widths are above 0.
        await RunAsync(Infer);
        var problem = JsonNode.Parse(File.ReadAllText(_folder.File("iris.problem.json")))!.AsObject();
        Assert.Equal(["sepal_length", "sepal_width", "petal_length", "petal_width"], problem["features"]!.AsArray().Select(f => (string?)f!["name"]));
        Assert.Equal(["setosa", "versicolor", "virginica"], problem["label"]!["classes"]!.AsArray().Select(c => (string?)c!["name"]));
        foreach (var feature in problem["features"]!.AsArray())
        {
            feature!["valid"] = new JsonObject { ["above"] = 0 };
        }

        File.WriteAllText(_folder.File("iris.problem.json"), problem.ToJsonString());
        Assert.True(
            JsonNode.DeepEquals(WithoutDescriptionsAndExamples(problem), WithoutDescriptionsAndExamples(JsonNode.Parse(File.ReadAllText(Path.Combine(Iris, "iris.problem.json")))!)),
            "examples/iris/iris.problem.json is not what schema infer drafts with the README's edit");

        var train = await RunAsync(Train);
        Assert.Contains("registered as v1 (candidate)", train.StandardOutput, StringComparison.Ordinal);
        var validate = await RunAsync(Validate);
        Assert.Contains("PASSED: all 9 invariants hold", validate.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("recorded on registry version v1", validate.StandardOutput, StringComparison.Ordinal);
        var promote = await RunAsync(Promote);
        Assert.Contains("promoted v1 to production", promote.StandardOutput, StringComparison.Ordinal);

        await using var service = await ServiceProcess.StartInAsync(_folder.Path, Serve[0], _environment, Serve[1..]);
        using (var answer = await service.Http.PostAsJsonAsync("predict", new { sepal_length = 6.7, sepal_width = 3.0, petal_length = 5.6, petal_width = 2.2 }))
        {
            Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
            using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            Assert.Equal("virginica", json.RootElement.GetProperty("class").GetString());
            Assert.Equal("v1", json.RootElement.GetProperty("model_version").GetString());
        }

        await using var monitor = await ServiceProcess.StartInAsync(_folder.Path, Monitor[0], _environment, Monitor[1..]);
        var simulate = await RunAsync([.. Simulate, "--service", service.Url, "--monitor", monitor.Url, "--json"]);
        using (var report = JsonDocument.Parse(simulate.StandardOutput))
        {
            var months = report.RootElement.GetProperty("months").EnumerateArray().ToArray();
            Assert.Equal([1, 2, 3], months.Select(m => m.GetProperty("month").GetInt32()));
            Assert.All(months, m => Assert.Equal(30, m.GetProperty("answered").GetInt32()));
            Assert.All(months, m => Assert.Equal(0, m.GetProperty("rejected").GetInt32() + m.GetProperty("failed").GetInt32()));

            // Each month fills the monitor's 30-row window: the two like the reference do not drift, the virginica delivery does.
            var drift = months.Select(m => m.GetProperty("drift").GetProperty("dataset_drift").GetBoolean()).ToArray();
            Assert.Equal([false, false, true], drift);
            Assert.Contains("petal_length", months[2].GetProperty("drift").GetProperty("drifted_columns").EnumerateArray().Select(c => c.GetString()));
        }

        // The monitor exports the problem's drift under its name, and the production model's estimate beside it.
        var metrics = await monitor.Http.GetStringAsync("metrics");
        Assert.Contains("evidently:data_drift:dataset_drift{dataset_name=\"iris\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("feature=\"petal_length\"", metrics, StringComparison.Ordinal);
        Assert.Matches("mlops_performance_estimated\\{dataset_name=\"iris\"\\} (0\\.\\d+|1)\n", metrics);

        // Month 1's ground truth arrives; labels add takes the classes from the production model's problem (no --problem).
        var month1 = File.ReadAllLines(Path.Combine(Iris, "months", "month-1.csv")).Skip(1).ToArray();
        File.WriteAllLines(_folder.File("labels-1.csv"), ["request_id,species", .. month1.Select((row, i) => $"m1-{i + 1},{row.Split(',')[^1]}")]);
        var labels = await RunAsync(["labels", "add", "labels-1.csv", "--key", "request_id", "--label", "species", "--json"]);
        using (var stored = JsonDocument.Parse(labels.StandardOutput))
        {
            Assert.Equal(30, stored.RootElement.GetProperty("stored").GetInt32());
        }

        var drift3 = await RunAsync(Drift);
        Assert.Contains("dataset drift: 3 of 4 columns drifted", drift3.StandardOutput, StringComparison.Ordinal);

        var analyze = await RunAsync(Analyze);
        var html = File.ReadAllText(_folder.File("iris-report.html"));
        Assert.Contains("predicted virginica", html, StringComparison.Ordinal);
        Assert.Contains("petal_length", html, StringComparison.Ordinal);
        Assert.Contains("estimated accuracy", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("predicted high", html, StringComparison.Ordinal);
        Assert.Contains("iris-report.html", analyze.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>The problem file without its human descriptions, which the committed example adds (units).</summary>
    private static JsonNode WithoutDescriptionsAndExamples(JsonNode node)
    {
        var copy = node.DeepClone();
        Strip(copy);
        return copy;

        static void Strip(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    o.Remove("description");
                    o.Remove("examples"); // the client page's presets, added by hand: infer drafts none
                    foreach (var (_, child) in o.ToList())
                    {
                        Strip(child);
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        Strip(child);
                    }

                    break;
            }
        }
    }

    private async Task<ProcessResult> RunAsync(string[] args)
    {
        var result = await CliProcess.RunAsync(args, _folder.Path, _environment);
        Assert.True(result.ExitCode == 0, $"mlops {string.Join(' ', args)}: {result}");
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
        return result;
    }
}
