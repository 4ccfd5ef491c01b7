using System.Net;
using System.Text;
using System.Text.Json;
using Mlops.Testing.Http;

namespace Mlops.Monitoring.Tests;

/// <summary>
/// Hostile and broken posts to <c>/iterate</c>: never a 500, never a hang, nothing impossible in the
/// windows, and limits on what one request may carry.
/// </summary>
public sealed class MonitorInputTests
{
    private const string Good = """{"training":0,"age":30,"emergency_braking":1,"braking_distance":40,"power":100,"miles":10}""";

    public static TheoryData<string, int, string> Cases => new()
    {
        // Turned into infinity or absurd magnitudes, these drove drift scores to 7.8e306.
        { """[{"training":0,"age":1e308,"emergency_braking":1,"braking_distance":40,"power":100,"miles":10}]""", 422, "row 0: column 'age': must be more than 0 and at most 150" },
        { $$"""[{{Good}},{"training":0,"age":30,"emergency_braking":1,"braking_distance":40,"power":1e400,"miles":10}]""", 422, "row 1: column 'power': must be more than 0 and at most 5000 (kW), got Infinity" },
        { """[{"training":0,"age":30,"emergency_braking":1,"braking_distance":40,"power":100,"miles":-3}]""", 422, "row 0: column 'miles': must be at least 0" },
        { """[{"training":0,"age":30,"emergency_braking":1,"braking_distance":40,"power":100,"miles":10,"prediction":1e400}]""", 422, "row 0: column 'prediction': must be a finite number" },
        // A lone surrogate or invalid UTF-8 in a value or a name.
        { """[{"training":0,"age":30,"emergency_braking":1,"braking_distance":40,"power":100,"miles":10,"source":"\ud800"}]""", 400, "row 0: a column name or text value is not valid UTF-8 or holds a lone surrogate" },
        { """[{"\udfff":1,"training":0,"age":30,"emergency_braking":1,"braking_distance":40,"power":100,"miles":10}]""", 400, "lone surrogate" },
        { """[{"training":0,"age":"3\ud8000","emergency_braking":1,"braking_distance":40,"power":100,"miles":10}]""", 400, "lone surrogate" },
        { new string('[', 5000) + new string(']', 5000), 400, "the request body is not valid JSON: The maximum configured depth of 16 has been exceeded" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_bodies_are_4xx_problem_details_and_nothing_is_taken(string body, int status, string detail)
    {
        await using var monitor = await MonitorHost.StartAsync();

        using var response = await PostAsync(monitor.Http, Encoding.UTF8.GetBytes(body));

        await AssertProblemAsync(response, status, detail);
        Assert.Equal(0, await RowsReceivedAsync(monitor.Http));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xC3 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public async Task Invalid_UTF8_in_a_name_or_a_value_is_400(byte[] bad)
    {
        await using var monitor = await MonitorHost.StartAsync();
        var inValue = Encoding.UTF8.GetBytes("""[{"training":0,"age":30,"emergency_braking":1,"braking_distance":40,"power":100,"miles":10,"source":"x""")
            .Concat(bad).Concat(Encoding.UTF8.GetBytes("\"}]")).ToArray();
        var inName = Encoding.UTF8.GetBytes("[{\"").Concat(bad).Concat(Encoding.UTF8.GetBytes("\":1," + Good[1..] + "]")).ToArray();

        foreach (var body in new[] { inValue, inName })
        {
            using var response = await PostAsync(monitor.Http, body);
            await AssertProblemAsync(response, 400, "");
        }

        Assert.Equal(0, await RowsReceivedAsync(monitor.Http));
    }

    [Fact]
    public async Task More_rows_than_the_limit_are_413_and_the_limit_itself_passes()
    {
        await using var monitor = await MonitorHost.StartAsync(o => o with { MaxRowsPerRequest = 50 });

        using var tooMany = await PostAsync(monitor.Http, Rows(51));
        using var enough = await PostAsync(monitor.Http, Rows(50));

        await AssertProblemAsync(tooMany, 413, "51 rows in one request; the monitor takes at most 50");
        Assert.Equal(HttpStatusCode.OK, enough.StatusCode);
        Assert.Equal(50, await RowsReceivedAsync(monitor.Http));
    }

    [Fact]
    public async Task The_default_limits_fit_ten_thousand_rows_and_refuse_more()
    {
        await using var monitor = await MonitorHost.StartAsync();

        using var tooMany = await PostAsync(monitor.Http, Rows(10_001));

        await AssertProblemAsync(tooMany, 413, "at most 10000");
    }

    [Fact]
    public async Task A_body_larger_than_the_limit_is_413_with_or_without_a_length()
    {
        await using var monitor = await MonitorHost.StartAsync(o => o with { MaxBodyBytes = 4096 });
        var body = Rows(100);

        using var withLength = await PostAsync(monitor.Http, body);
        using var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/iterate/insurance") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var chunked = await monitor.Http.SendAsync(request);

        await AssertProblemAsync(withLength, 413, "");
        await AssertProblemAsync(chunked, 413, "");
        Assert.Equal(0, await RowsReceivedAsync(monitor.Http));
    }

    [Fact]
    public async Task A_body_sent_too_slowly_is_408_and_one_cut_short_leaves_the_monitor_answering()
    {
        await using var monitor = await MonitorHost.StartAsync();

        // Kestrel's minimum data rate (240 bytes/s after a 5 s grace) ends a trickling body.
        var (status, _) = await RawHttp.TrickleAsync(monitor.Port, "/iterate/insurance", "[" + Good + "]", TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));
        await RawHttp.AbortAsync(monitor.Port, "/iterate/insurance", "[" + Good[..20], declaredLength: 1000);

        Assert.Equal(408, status);
        Assert.Equal(HttpStatusCode.OK, (await monitor.Http.GetAsync(new Uri("/ping", UriKind.Relative))).StatusCode);
        Assert.Equal(0, await RowsReceivedAsync(monitor.Http));
    }

    private static byte[] Rows(int count) => Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat(Good, count)) + "]");

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return http.PostAsync(new Uri("/iterate/insurance", UriKind.Relative), content);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status, string detail)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        var said = problem.RootElement.GetProperty("detail").GetString()!;
        Assert.Contains(detail, said, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", said, StringComparison.Ordinal);
        Assert.True(said.Length <= 1001, said);
    }

    private static async Task<long> RowsReceivedAsync(HttpClient http)
    {
        using var status = JsonDocument.Parse(await http.GetStringAsync(new Uri("/datasets/insurance/drift", UriKind.Relative)));
        return status.RootElement.GetProperty("window").GetProperty("rows_received").GetInt64();
    }
}
