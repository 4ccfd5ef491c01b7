using System.Net;
using System.Net.Http.Headers;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Mlops.Hosting.Access;
using Mlops.Testing;

namespace Mlops.Monitoring.Tests;

/// <summary>
/// Who may change what the monitor sees: with a token only its holder, without one only this
/// machine; only for the Host names it is configured for; only as JSON (no cross-site form posts).
/// </summary>
public sealed class MonitorAccessTests : IDisposable
{
    private const string Row = """[{"training":0,"age":30,"emergency_braking":1,"braking_distance":40,"power":100,"miles":10}]""";
    private const string Secret = "s3cret-token-for-the-access-tests";

    private readonly TemporaryDirectory _temp = new("mlops-access");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task With_a_token_posts_without_it_or_with_another_are_401_and_change_nothing()
    {
        await using var monitor = await MonitorHost.StartAsync(o => o with { Access = new AccessPolicy { Token = Token() } });

        using var none = await PostAsync(monitor.Http, "/iterate/insurance", Row, token: null);
        using var wrong = await PostAsync(monitor.Http, "/iterate/insurance", Row, token: Secret + "x");
        using var calculate = await PostAsync(monitor.Http, "/datasets/insurance/drift/calculate", "{}", token: null);
        using var right = await PostAsync(monitor.Http, "/iterate/insurance", Row, token: Secret);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, calculate.StatusCode);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(Secret, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(1, await RowsReceivedAsync(monitor.Http));

        // Reading stays open: dashboards and Prometheus need no token.
        Assert.Equal(HttpStatusCode.OK, (await monitor.Http.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("rebound.attacker.test:8085")]
    public async Task A_foreign_Host_header_is_400_and_loopback_names_and_allowed_hosts_pass(string host)
    {
        await using var monitor = await MonitorHost.StartAsync(o => o with { Access = new AccessPolicy { AllowedHosts = ["monitor"] } });

        Assert.Equal(HttpStatusCode.BadRequest, await GetPingAsync(monitor, host));
        foreach (var allowed in new[] { "localhost", "127.0.0.1", "[::1]", "monitor", "LOCALHOST" })
        {
            Assert.Equal(HttpStatusCode.OK, await GetPingAsync(monitor, $"{allowed}:{monitor.Port}"));
        }
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task A_body_that_is_not_declared_JSON_is_415(string? contentType)
    {
        await using var monitor = await MonitorHost.StartAsync();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Row));
        if (contentType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        using var iterate = await monitor.Http.PostAsync(new Uri("/iterate/insurance", UriKind.Relative), content);
        using var calculate = await monitor.Http.PostAsync(new Uri("/datasets/insurance/drift/calculate", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, iterate.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, calculate.StatusCode);
        Assert.Contains("Content-Type: application/json", await iterate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await RowsReceivedAsync(monitor.Http));
    }

    [Fact]
    public async Task Without_a_token_a_client_on_another_address_may_read_but_not_post()
    {
        // A network address of this machine: a client connecting to it is not a loopback client.
        var address = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .First(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        await using var monitor = await MonitorHost.StartAsync(o => o with { Access = new AccessPolicy { Insecure = true } }, address.ToString());

        using var post = await PostAsync(monitor.Http, "/iterate/insurance", Row, token: null);

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Contains("start it with a token", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await RowsReceivedAsync(monitor.Http));
    }

    [Fact]
    public async Task Listening_on_every_interface_without_a_token_is_refused_at_start_naming_the_fix()
    {
        var result = await CliProcess.RunAsync("monitor", "--host", "0.0.0.0", "--port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--reference", RepositoryPaths.SeedMonth(0));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("mlops: error: --host '0.0.0.0' makes the drift monitor reachable from the network", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("MLOPS_TOKEN or --token-file FILE", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("--insecure", result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("short", "use at least 16")]
    [InlineData("two words are not one token", "one word of printable ASCII")]
    public async Task A_bad_token_file_is_refused_at_start(string token, string message)
    {
        var file = _temp.File("token");
        await File.WriteAllTextAsync(file, token);

        var result = await CliProcess.RunAsync("monitor", "--port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--reference", RepositoryPaths.SeedMonth(0), "--token-file", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(token, result.StandardError, StringComparison.Ordinal);
    }

    private ApiToken Token()
    {
        var file = _temp.File("token");
        File.WriteAllText(file, Secret + "\n");
        return ApiToken.FromFile(file);
    }

    private static async Task<HttpStatusCode> GetPingAsync(MonitorHost monitor, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ping");
        request.Headers.Host = host;
        using var response = await monitor.Http.SendAsync(request);
        return response.StatusCode;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http.SendAsync(request);
    }

    private static async Task<long> RowsReceivedAsync(HttpClient http)
    {
        using var status = JsonDocument.Parse(await http.GetStringAsync(new Uri("/datasets/insurance/drift", UriKind.Relative)));
        return status.RootElement.GetProperty("window").GetProperty("rows_received").GetInt64();
    }
}
