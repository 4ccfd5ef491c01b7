namespace Mlops.Serving.Tests.Service;

/// <summary>
/// <c>--cors-origin</c> beyond the default: <c>*</c> (the seed's <c>flask_cors</c> let any page call it) is
/// allowed with a warning at start, and <c>null</c> — the origin of a client page opened as a file — only
/// when given.
/// </summary>
public sealed class CorsOriginServiceTests
{
    [Fact]
    public async Task A_star_lets_any_origin_call_and_the_service_warns_at_start()
    {
        using var sandbox = new ServiceSandbox();
        await using var service = await sandbox.StartAsync("--cors-origin", "*");

        Assert.True(await service.WaitForOutputAsync("mlops serve: warning: --cors-origin '*' lets every web page call this service", TimeSpan.FromSeconds(10)), service.Output);
        Assert.Equal("*", await AllowedOrigin(service, "http://elsewhere.example"));
        Assert.Equal("*", await AllowedOrigin(service, "null"));
    }

    [Fact]
    public async Task The_null_origin_is_allowed_when_given_and_no_other()
    {
        using var sandbox = new ServiceSandbox();
        await using var service = await sandbox.StartAsync("--cors-origin", "null");

        Assert.Equal("null", await AllowedOrigin(service, "null"));
        Assert.Null(await AllowedOrigin(service, "http://elsewhere.example"));
        Assert.Null(await AllowedOrigin(service, "http://localhost:8000"));
        Assert.DoesNotContain("mlops serve: warning", service.Output, StringComparison.Ordinal);
    }

    /// <summary>The Access-Control-Allow-Origin of a preflight for POST /predict from <paramref name="origin"/>; null when refused.</summary>
    private static async Task<string?> AllowedOrigin(ServiceProcess service, string origin)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "predict");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");

        using var response = await service.Http.SendAsync(preflight);

        return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
    }
}
