using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Mlops.Core.Data;
using Mlops.Core.Registry;
using Mlops.Testing;

namespace Mlops.Serving.Tests.Service;

/// <summary>A fresh <c>MLOPS_HOME</c> with its registry, and helpers to talk to a service started on it.</summary>
public sealed class ServiceSandbox : IDisposable
{
    private readonly TemporaryDirectory _home = new("mlops-serve");

    public ServiceSandbox()
    {
        Registry = ModelRegistry.Open(_home.Path);
    }

    public string Home => _home.Path;

    public ModelRegistry Registry { get; }

    public string PredictionLogPath => Path.Combine(Home, "predictions.db");

    /// <summary>Registers a trained model folder and returns its version (v1, v2, …).</summary>
    public string Register(string modelFolder) => Registry.Register(modelFolder).Model.Version;

    /// <summary>Puts a version into production. Forced: these tests are about serving, not about the gate.</summary>
    public void Promote(string version) => Registry.Promote(version, force: true, reason: "serving test");

    public Task<ServiceProcess> StartAsync(params string[] args) => ServiceProcess.StartAsync(Home, args);

    public void Dispose() => _home.Dispose();

    /// <summary>The seed's request body for a customer, numbers in invariant culture, flags as 0/1.</summary>
    public static string Body(InsuranceFeatures f) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"training":{{(f.Training ? 1 : 0)}},"age":{{f.Age}},"emergency_braking":{{(f.EmergencyBraking ? 1 : 0)}},"braking_distance":{{f.BrakingDistance}},"power":{{f.Power}},"miles":{{f.Miles}}}""");

    public static async Task<Answer> PostAsync(HttpClient http, string path, string json, string contentType = "application/json")
    {
        using var content = new StringContent(json, Encoding.UTF8, contentType);
        using var response = await http.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text);
    }

    public static Task<Answer> PredictAsync(HttpClient http, InsuranceFeatures features) => PostAsync(http, "predict", Body(features));

    public static async Task<JsonElement> GetJsonAsync(HttpClient http, string path)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync(path));
        return document.RootElement.Clone();
    }

    /// <summary>Waits until <paramref name="condition"/> holds on the service's health answer.</summary>
    public static async Task<JsonElement> WaitForHealthAsync(HttpClient http, Func<JsonElement, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement health;
        do
        {
            health = await GetJsonAsync(http, "health");
            if (condition(health))
            {
                return health;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"health never met the condition; last: {health}");
    }
}

/// <summary>An HTTP answer: status, media type and body.</summary>
public sealed record Answer(HttpStatusCode Status, string? MediaType, string Text)
{
    public JsonElement Json
    {
        get
        {
            using var document = JsonDocument.Parse(Text);
            return document.RootElement.Clone();
        }
    }

    public override string ToString() => $"{(int)Status} {MediaType}: {Text}";
}
