using System.Net;
using System.Text.Json;
using Mlops.Core.Data;
using Mlops.Testing;

namespace Mlops.Serving.Tests.Service;

/// <summary>The running service (a real <c>mlops serve</c> process) answering with the registry's production model.</summary>
public sealed class PredictionServiceTests(ProductionService fixture) : IClassFixture<ProductionService>
{
    private HttpClient Http => fixture.Service.Http;

    [Fact]
    public async Task Ping_answers_pong()
    {
        using var response = await Http.GetAsync("ping");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pong", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_model_answers_a_customer_inside_its_ranges_exactly_as_it_does_in_process()
    {
        using var model = new ServedModelFacts(fixture.ModelFolder);
        var customers = model.Customers(0.5, 1.01).Take(20).ToList();
        Assert.NotEmpty(customers);

        foreach (var customer in customers)
        {
            var answer = await ServiceSandbox.PredictAsync(Http, customer);
            Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
            var json = answer.Json;
            var expected = model.Predict(customer);
            Assert.Equal("ML", json.GetProperty("source").GetString());
            Assert.Equal("v1", json.GetProperty("model_version").GetString());
            Assert.Equal(expected.Class, json.GetProperty("category").GetInt32());
            Assert.Equal(((RiskGroup)expected.Class).Name(), json.GetProperty("risk").GetString());
            var probabilities = json.GetProperty("probabilities").EnumerateArray().Select(p => p.GetDouble()).ToArray();
            Assert.Equal(expected.Probabilities, probabilities);
            Assert.False(json.TryGetProperty("reason", out _));
        }
    }

    [Fact]
    public async Task Power_20_from_the_talk_is_answered_by_the_baseline_naming_the_feature()
    {
        var customer = new InsuranceFeatures(Training: false, Age: 45, EmergencyBraking: false, BrakingDistance: 40, Power: 20, Miles: 40);

        var answer = await ServiceSandbox.PredictAsync(Http, customer);

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        var json = answer.Json;
        Assert.Equal("baseline - out of range", json.GetProperty("source").GetString());
        Assert.Equal("power", json.GetProperty("feature").GetString());
        Assert.StartsWith("power 20 is outside the training range", json.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var expected = TalkCustomers.Baseline(customer);
        Assert.Equal((int)expected, json.GetProperty("category").GetInt32());
        Assert.Equal(InsuranceVectors.Certain((int)expected), json.GetProperty("probabilities").EnumerateArray().Select(p => p.GetDouble()));
        Assert.Equal("v1", json.GetProperty("model_version").GetString());
    }

    [Fact]
    public async Task A_batch_is_answered_row_by_row_like_single_requests()
    {
        var rows = TrainedModels.ReferenceRows.Take(40).Select(r => r.Features).Append(new InsuranceFeatures(false, 45, false, 40, 20, 40)).ToList();

        var batch = await ServiceSandbox.PostAsync(Http, "predict/batch", "[" + string.Join(",", rows.Select(ServiceSandbox.Body)) + "]");

        Assert.True(batch.Status == HttpStatusCode.OK, batch.ToString());
        var answers = batch.Json.EnumerateArray().ToList();
        Assert.Equal(rows.Count, answers.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var single = (await ServiceSandbox.PredictAsync(Http, rows[i])).Json;
            Assert.Equal(single.GetProperty("source").GetString(), answers[i].GetProperty("source").GetString());
            Assert.Equal(single.GetProperty("category").GetInt32(), answers[i].GetProperty("category").GetInt32());
            var batchProbabilities = answers[i].GetProperty("probabilities").EnumerateArray().Select(p => p.GetDouble()).ToArray();
            var singleProbabilities = single.GetProperty("probabilities").EnumerateArray().Select(p => p.GetDouble()).ToArray();
            Assert.Equal(singleProbabilities, batchProbabilities, (a, b) => Math.Abs(a - b) < 1e-6);
        }

        Assert.Equal("baseline - out of range", answers[^1].GetProperty("source").GetString());
    }

    [Fact]
    public async Task Health_tells_the_model_since_when_and_the_prediction_log_state()
    {
        var health = await ServiceSandbox.GetJsonAsync(Http, "health");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal("v1", health.GetProperty("model_version").GetString());
        Assert.Equal("registry production", health.GetProperty("model_source").GetString());
        Assert.False(health.GetProperty("serving_baseline_only").GetBoolean());
        Assert.InRange(health.GetProperty("since").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow);
        Assert.InRange(health.GetProperty("fallback_rate").GetDouble(), 0, 1);
        var log = health.GetProperty("prediction_log");
        Assert.Equal("ok", log.GetProperty("state").GetString());
        Assert.Equal("sqlite:" + fixture.Sandbox.PredictionLogPath, log.GetProperty("target").GetString());
    }

    [Fact]
    public async Task Model_describes_the_training_ranges_for_the_client_page()
    {
        using var model = new ServedModelFacts(fixture.ModelFolder);
        var report = await ServiceSandbox.GetJsonAsync(Http, "model");

        Assert.Equal("v1", report.GetProperty("model_version").GetString());
        Assert.Equal(0.5, report.GetProperty("min_certainty").GetDouble());
        var power = report.GetProperty("feature_ranges").EnumerateArray().Single(r => r.GetProperty("feature").GetString() == "power");
        Assert.Equal(model.Card.FeatureRanges["power"].Min, power.GetProperty("min").GetDouble());
        Assert.Equal(model.Card.FeatureRanges["power"].Max, power.GetProperty("max").GetDouble());
    }

    [Fact]
    public async Task The_OpenAPI_document_and_its_interactive_reference_are_served()
    {
        using var document = JsonDocument.Parse(await Http.GetStringAsync("openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/predict", out var predict));
        Assert.True(paths.TryGetProperty("/predict/batch", out _));
        Assert.True(paths.TryGetProperty("/health", out _));
        Assert.True(predict.GetProperty("post").TryGetProperty("requestBody", out _));

        using var reference = await Http.GetAsync("scalar/v1");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Equal("text/html", reference.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("")]
    [InlineData("client.html")]
    public async Task The_client_page_is_served_self_contained(string path)
    {
        using var response = await Http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<form id=\"form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:8000", true)]
    [InlineData("http://127.0.0.1:8000", true)]
    [InlineData("http://elsewhere.example", false)]
    [InlineData("null", false)]
    public async Task CORS_allows_the_client_pages_origin_only(string origin, bool allowed)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "predict");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");

        using var response = await Http.SendAsync(preflight);

        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Single() == origin);
    }
}
