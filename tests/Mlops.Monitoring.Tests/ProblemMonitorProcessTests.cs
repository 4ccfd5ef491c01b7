using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Mlops.Testing;
using Mlops.Testing.Services;

namespace Mlops.Monitoring.Tests;

/// <summary>
/// The real <c>mlops monitor</c> of a problem that is not the talk's: Fisher's Iris (<c>examples/iris</c>),
/// its problem file and its own ','-separated data as the reference. Rows posted as the iris columns
/// are taken, an impossible one is refused naming the field, and the drift metrics carry the iris
/// feature names; the config file still chooses another test for a column.
/// </summary>
public sealed class ProblemMonitorProcessTests
{
    private static string IrisFolder => Path.Combine(RepositoryPaths.Root, "examples", "iris");

    private static string IrisProblem => Path.Combine(IrisFolder, "iris.problem.json");

    private static string IrisData => Path.Combine(IrisFolder, "iris.csv");

    private static readonly string[] Features = ["sepal_length", "sepal_width", "petal_length", "petal_width"];

    [Fact]
    public async Task A_config_naming_the_iris_problem_takes_iris_rows_refuses_impossible_ones_and_exports_iris_drift()
    {
        using var dir = new TemporaryDirectory();
        var config = dir.File("monitor.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["window_size"] = 50,
            ["calculation_period_seconds"] = 3600,
            ["datasets"] = new Dictionary<string, object>
            {
                ["flowers"] = new Dictionary<string, object>
                {
                    ["problem"] = IrisProblem,
                    ["reference"] = IrisData,
                    ["stattests"] = new Dictionary<string, object> { ["petal_width"] = new Dictionary<string, object> { ["test"] = "psi" } },
                },
            },
        }));
        await using var monitor = await ServiceProcess.StartMonitorAsync("--config", config);

        // A length of -1 cm: no flower has it; the whole post is refused, naming row and field.
        using (var refused = await PostAsync(monitor.Http, "flowers", """[{"sepal_length":5.1,"sepal_width":3.5,"petal_length":1.4,"petal_width":0.2},{"sepal_length":-1,"sepal_width":3.5,"petal_length":1.4,"petal_width":0.2}]"""))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("row 1: column 'sepal_length': must be more than 0, got -1", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The 50 setosa flowers, as the data file writes them (the label column is not watched): their petals are far smaller than the reference's.
        using (var taken = await PostAsync(monitor.Http, "flowers", IrisRows(50)))
        {
            Assert.True(taken.IsSuccessStatusCode, $"{taken.StatusCode} {await taken.Content.ReadAsStringAsync()}");
        }

        var metrics = await monitor.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("mlops_rows_received_total{dataset_name=\"flowers\"} 50\n", metrics, StringComparison.Ordinal);
        Assert.Contains("evidently:data_drift:dataset_drift{dataset_name=\"flowers\"} 1\n", metrics, StringComparison.Ordinal);
        foreach (var feature in Features)
        {
            Assert.Contains($"evidently:data_drift:p_value{{dataset_name=\"flowers\",feature=\"{feature}\",feature_type=\"num\"}} ", metrics, StringComparison.Ordinal);
        }

        Assert.Contains("mlops_drift_score{dataset_name=\"flowers\",feature=\"petal_width\",test=\"psi\"} ", metrics, StringComparison.Ordinal);
        Assert.Contains("mlops_drift_detected{dataset_name=\"flowers\",feature=\"petal_length\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("miles", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problem_and_reference_options_alone_monitor_a_dataset_named_after_the_problem()
    {
        await using var monitor = await ServiceProcess.StartMonitorAsync("--problem", IrisProblem, "--reference", IrisData, "--window", "50");

        using (var taken = await PostAsync(monitor.Http, "iris", IrisRows(50)))
        {
            Assert.True(taken.IsSuccessStatusCode, $"{taken.StatusCode} {await taken.Content.ReadAsStringAsync()}");
        }

        using var status = JsonDocument.Parse(await monitor.Http.GetStringAsync(new Uri("/datasets/iris/drift", UriKind.Relative)));
        Assert.Equal(Features, status.RootElement.GetProperty("reference").GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(150, status.RootElement.GetProperty("reference").GetProperty("rows").GetInt32());
        using var missing = await PostAsync(monitor.Http, "iris", """[{"sepal_length":5.1,"sepal_width":3.5,"petal_length":1.4}]""");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("row 0: column 'petal_width' is missing", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The first <paramref name="count"/> rows of the iris data as JSON objects, numbers as numbers and the species as text.</summary>
    private static string IrisRows(int count)
    {
        var lines = File.ReadAllLines(IrisData);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Take(count).Select(line => header.Zip(line.Split(','))
            .ToDictionary(p => p.First, p => double.TryParse(p.Second, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? (object)v : p.Second));
        return JsonSerializer.Serialize(rows);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string dataset, string body) =>
        http.PostAsync(new Uri($"/iterate/{dataset}", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
}
