using System.Net;
using System.Text.Json;
using Mlops.Testing;

namespace Mlops.Serving.Tests.Service;

/// <summary>
/// A problem that is not the talk's, end to end: Fisher's Iris (<c>examples/iris</c>) trained with
/// <c>mlops train --problem</c> and served with <c>mlops serve --model DIR</c>. The service takes
/// everything from the model's card: the features it reads, the classes it names, the OpenAPI document,
/// the fallback's ranges and rules, the metric labels.
/// </summary>
public sealed class ProblemServiceTests(ProblemServiceTests.IrisService fixture) : IClassFixture<ProblemServiceTests.IrisService>
{
    private const string Setosa = """{"sepal_length":5.1,"sepal_width":3.5,"petal_length":1.4,"petal_width":0.2}""";

    private HttpClient Http => fixture.Service.Http;

    [Fact]
    public async Task The_answer_names_the_class_by_its_name()
    {
        var answer = await ServiceSandbox.PostAsync(Http, "predict", Setosa);

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        var json = answer.Json;
        Assert.Equal("ML", json.GetProperty("source").GetString());
        Assert.Equal("setosa", json.GetProperty("category").GetString());
        Assert.Equal("setosa", json.GetProperty("class").GetString());
        var probabilities = json.GetProperty("probabilities").EnumerateArray().Select(p => p.GetDouble()).ToArray();
        Assert.Equal(3, probabilities.Length);
        Assert.Equal(probabilities.Max(), probabilities[0]);
        Assert.Equal("iris-model", json.GetProperty("model_version").GetString());
        Assert.False(json.TryGetProperty("risk", out _));
    }

    [Theory]
    [InlineData("""{"sepal_length":-5.1,"sepal_width":3.5,"petal_length":1.4,"petal_width":0.2}""", "sepal_length", "field 'sepal_length' must be more than 0, got -5.1")]
    [InlineData("""{"sepal_length":5.1,"sepal_width":3.5,"petal_length":1.4}""", "petal_width", "field 'petal_width' is missing")]
    [InlineData("""{"sepal_length":5.1,"sepal_width":"wide","petal_length":1.4,"petal_width":0.2}""", "sepal_width", "field 'sepal_width' must be a number, got the string 'wide'")]
    public async Task Bad_input_is_a_422_naming_the_field(string body, string field, string detail)
    {
        var answer = await ServiceSandbox.PostAsync(Http, "predict", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal(detail, answer.Json.GetProperty("detail").GetString());
        Assert.Contains(field, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_outside_the_training_range_is_answered_by_the_fallback_naming_the_feature()
    {
        var answer = await ServiceSandbox.PostAsync(Http, "predict", Setosa.Replace("\"petal_length\":1.4", "\"petal_length\":25", StringComparison.Ordinal));

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        var json = answer.Json;
        Assert.Equal("baseline - out of range", json.GetProperty("source").GetString());
        Assert.Equal("petal_length", json.GetProperty("feature").GetString());
        Assert.StartsWith("petal_length 25 is outside the training range [1, 6.9]", json.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // Iris has no rules: the training data's most frequent class answers, named on the card.
        var card = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.ModelFolder, "model.json"))).RootElement;
        Assert.Equal(card.GetProperty("most_frequent_class").GetString(), json.GetProperty("class").GetString());
        Assert.Equal(1.0, json.GetProperty("probabilities").EnumerateArray().Max(p => p.GetDouble()));
    }

    [Fact]
    public async Task A_batch_names_each_class()
    {
        var answer = await ServiceSandbox.PostAsync(Http, "predict/batch", $"[{Setosa},{{\"sepal_length\":6.3,\"sepal_width\":3.3,\"petal_length\":6.0,\"petal_width\":2.5}}]");

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.Equal(["setosa", "virginica"], answer.Json.EnumerateArray().Select(a => a.GetProperty("class").GetString()));
    }

    [Fact]
    public async Task The_openapi_document_lists_the_problems_features_and_classes()
    {
        var document = await ServiceSandbox.GetJsonAsync(Http, "openapi/v1.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var request = schemas.GetProperty("PredictRequest");
        var properties = request.GetProperty("properties");
        Assert.Equal(["sepal_length", "sepal_width", "petal_length", "petal_width", "request_id"], properties.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["sepal_length", "sepal_width", "petal_length", "petal_width"], request.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        var petal = properties.GetProperty("petal_length");
        Assert.Equal("number", petal.GetProperty("type").GetString());
        Assert.Equal(0, petal.GetProperty("exclusiveMinimum").GetDouble());
        Assert.Contains("petal length in cm", petal.GetProperty("description").GetString(), StringComparison.Ordinal);
        var examples = request.GetProperty("examples").EnumerateArray().ToList();
        Assert.Equal(3, examples.Count);
        Assert.Equal(["sepal_length 5.1", "sepal_width 3.5", "petal_length 1.4", "petal_width 0.2"], examples[0].EnumerateObject().Select(p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.Name} {p.Value.GetDouble()}")));

        var response = schemas.GetProperty("PredictResponse").GetProperty("properties");
        Assert.Equal(["setosa", "versicolor", "virginica"], response.GetProperty("class").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["setosa", "versicolor", "virginica"], response.GetProperty("category").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Metrics_count_answers_by_class_name()
    {
        Assert.Equal(HttpStatusCode.OK, (await ServiceSandbox.PostAsync(Http, "predict", Setosa)).Status);

        var metrics = await Http.GetStringAsync("metrics");

        Assert.Matches("""mlops_predictions_total\{class="setosa",source="ml",model_version="iris-model"\} [1-9]""", metrics);
        Assert.Contains("""mlops_predictions_total{class="virginica",source="baseline_low_probability",model_version="iris-model"} 0""", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("risk=", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_answer_is_in_the_log_with_the_problems_columns_and_a_posted_label_joins_it()
    {
        var single = await ServiceSandbox.PostAsync(Http, "predict", Setosa.Replace("{", "{\"request_id\":\"flower-1\",", StringComparison.Ordinal));
        var batch = await ServiceSandbox.PostAsync(Http, "predict/batch", $"[{{\"sepal_length\":6.3,\"sepal_width\":3.3,\"petal_length\":6.0,\"petal_width\":2.5}},{Setosa.Replace("1.4", "25", StringComparison.Ordinal)}]");
        Assert.True(single.Status == HttpStatusCode.OK, single.ToString());
        Assert.True(batch.Status == HttpStatusCode.OK, batch.ToString());
        JsonElement[] answers = [single.Json, .. batch.Json.EnumerateArray()];
        var ids = answers.Select(a => a.GetProperty("prediction_id").GetString()!).ToArray();

        var labels = await ServiceSandbox.PostAsync(Http, "labels", $$"""[{"prediction_id":"{{ids[0]}}","label":"setosa"},{"prediction_id":"{{ids[1]}}","label":"Virginica"}]""");
        Assert.True(labels.Status == HttpStatusCode.OK, labels.ToString());
        Assert.Equal(2, labels.Json.GetProperty("stored").GetInt32());
        var wrong = await ServiceSandbox.PostAsync(Http, "labels", $$"""[{"prediction_id":"{{ids[2]}}","label":"high"}]""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.Status);
        Assert.Contains("expected setosa, versicolor, virginica", wrong.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The service's SQLite log read with the iris columns by name: the features as sent, the class index and one probability per class.
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={fixture.Sandbox.PredictionLogPath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT p.sepal_length, p.petal_length, p.petal_width, p.category, p.p_setosa + p.p_versicolor + p.p_virginica, p.p_setosa, p.source, p.request_id, l.label
            FROM predictions p LEFT JOIN labels l ON l.prediction_id = p.prediction_id WHERE p.prediction_id = $id
            """;
        var id = select.Parameters.AddWithValue("$id", "");
        string[] classes = ["setosa", "versicolor", "virginica"];
        var rows = new List<string>();
        for (var i = 0; i < ids.Length; i++)
        {
            id.Value = ids[i];
            await using var reader = await select.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), $"answer {i} ({ids[i]}) is not in the prediction log");
            Assert.Equal(classes[reader.GetInt32(3)], answers[i].GetProperty("class").GetString());
            Assert.Equal(1.0, reader.GetDouble(4), 6);
            Assert.Equal(answers[i].GetProperty("probabilities")[0].GetDouble(), reader.GetDouble(5), 6);
            rows.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{reader.GetDouble(0)} {reader.GetDouble(1)} {reader.GetDouble(2)} {reader.GetString(6)} {(reader.IsDBNull(7) ? "-" : reader.GetString(7))} {(reader.IsDBNull(8) ? "-" : classes[reader.GetInt32(8)])}"));
        }

        Assert.Equal(["5.1 1.4 0.2 ml flower-1 setosa", "6.3 6 2.5 ml - virginica", "5.1 25 0.2 baseline_out_of_range - -"], rows);
    }

    [Fact]
    public async Task The_monitor_gets_the_rows_under_the_problems_name_with_the_problems_columns()
    {
        using var monitor = new FakeMonitor();
        using var sandbox = new ServiceSandbox();
        await using var service = await sandbox.StartAsync("--model", fixture.ModelFolder, "--monitor", monitor.Url);

        var answer = await ServiceSandbox.PostAsync(service.Http, "predict", Setosa);
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (monitor.Rows < 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "no row reached the monitor within 20 s");
            await Task.Delay(10);
        }

        var (path, rows) = Assert.Single(monitor.Batches);
        Assert.Equal("/iterate/iris", path);
        Assert.Equal(
            """{"sepal_length":5.1,"sepal_width":3.5,"petal_length":1.4,"petal_width":0.2,"prediction":0,"source":"ml"}""",
            Assert.Single(rows.EnumerateArray()).GetRawText());
    }

    /// <summary>Iris trained once with the CLI, served by one <c>mlops serve --model DIR</c> for the class.</summary>
    public sealed class IrisService : IAsyncLifetime, IDisposable
    {
        private readonly TemporaryDirectory _folder = new("mlops-iris");
        private ServiceSandbox? _sandbox;

        public ServiceProcess Service { get; private set; } = null!;

        /// <summary>The service's home: its prediction log is <see cref="ServiceSandbox.PredictionLogPath"/>.</summary>
        public ServiceSandbox Sandbox => _sandbox!;

        public string ModelFolder => Path.Combine(_folder.Path, "iris-model");

        public async Task InitializeAsync()
        {
            var iris = Path.Combine(RepositoryPaths.Root, "examples", "iris");
            var train = await CliProcess.RunAsync(
                "train", "--problem", Path.Combine(iris, "iris.problem.json"), "-d", Path.Combine(iris, "iris.csv"), "-m", ModelFolder);
            Assert.True(train.ExitCode == 0, train.ToString());
            _sandbox = new ServiceSandbox();
            Service = await _sandbox.StartAsync("--model", ModelFolder);
        }

        public async Task DisposeAsync()
        {
            if (Service is not null)
            {
                await Service.DisposeAsync();
            }

            Dispose();
        }

        public void Dispose()
        {
            _sandbox?.Dispose();
            _folder.Dispose();
        }
    }
}
