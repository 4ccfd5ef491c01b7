using System.Net;
using System.Text;
using Mlops.Testing.Http;

namespace Mlops.Serving.Tests.Service;

/// <summary>Bad input never crashes the service and never reaches the model: it gets problem details naming the field (and row).</summary>
public sealed class BadInputServiceTests(ProductionService fixture) : IClassFixture<ProductionService>
{
    private const string Good = """{"training":1,"age":51,"emergency_braking":1,"braking_distance":30,"power":100,"miles":10}""";

    public static TheoryData<string, string, int, string, string?, int?> Cases => new()
    {
        { "predict", """{"training":1,"emergency_braking":1,"braking_distance":30,"power":100,"miles":10}""", 422, "missing_field", "age", null },
        { "predict", """{"training":1,"age":"old","emergency_braking":1,"braking_distance":30,"power":100,"miles":10}""", 422, "wrong_type", "age", null },
        { "predict", """{"training":1,"age":51,"emergency_braking":1,"braking_distance":30,"power":true,"miles":10}""", 422, "wrong_type", "power", null },
        { "predict", """{"training":1,"age":51,"emergency_braking":1,"braking_distance":[30],"power":100,"miles":10}""", 422, "wrong_type", "braking_distance", null },
        { "predict", """{"training":1,"age":NaN,"emergency_braking":1,"braking_distance":30,"power":100,"miles":10}""", 400, "bad_json", "age", null },
        { "predict", """{"training":1,"age":"NaN","emergency_braking":1,"braking_distance":30,"power":100,"miles":10}""", 422, "invalid_value", "age", null },
        { "predict", """{"training":1,"age":51,"emergency_braking":1,"braking_distance":30,"power":Infinity,"miles":10}""", 400, "bad_json", "power", null },
        { "predict", """{"training":1,"age":51,"emergency_braking":1,"braking_distance":30,"power":"Infinity","miles":10}""", 422, "invalid_value", "power", null },
        { "predict", """{"training":1,"age":51,"emergency_braking":1,"braking_distance":30,"power":100,"miles":"-Infinity"}""", 422, "invalid_value", "miles", null },
        { "predict", """{"training":1,"age":51,"emergency_braking":1,"braking_distance":30,"power":1e999,"miles":10}""", 422, "invalid_value", "power", null },
        { "predict", """{"training":1,"age":51,"emergency_braking":1,"braking_distance":30,"power":100,"miles":-1}""", 422, "invalid_value", "miles", null },
        { "predict", """{"training":1,"age":1e308,"emergency_braking":1,"braking_distance":30,"power":100,"miles":10}""", 422, "invalid_value", "age", null },
        { "predict", """{"training":1,"age":51,"emergency_braking":1,"braking_distance":30,"power":1e400,"miles":10}""", 422, "invalid_value", "power", null },
        { "predict", """{"training":"\ud800","age":51,"emergency_braking":1,"braking_distance":30,"power":100,"miles":10}""", 400, "bad_json", "training", null },
        { "predict", """{"training":1,"age":"5\udc001","emergency_braking":1,"braking_distance":30,"power":100,"miles":10}""", 400, "bad_json", "age", null },
        { "predict", """{"\ud800":1,"training":1,"age":51,"emergency_braking":1,"braking_distance":30,"power":100,"miles":10}""", 400, "bad_json", null, null },
        { "predict", """{"nested":""" + new string('[', 5000) + new string(']', 5000) + ""","training":1}""", 400, "bad_json", null, null },
        { "predict/batch", $$"""[{{Good}},{"\udfff":1,"training":1,"age":51,"emergency_braking":1,"braking_distance":30,"power":100,"miles":10}]""", 400, "bad_json", null, 1 },
        { "predict", """{"training":2,"age":51,"emergency_braking":1,"braking_distance":30,"power":100,"miles":10}""", 422, "invalid_value", "training", null },
        { "predict", """{"training":1,"age":51,"age":52,"emergency_braking":1,"braking_distance":30,"power":100,"miles":10}""", 422, "duplicate_field", "age", null },
        { "predict", """{"training":1,"age":51,""", 400, "bad_json", null, null },
        { "predict", "hello", 400, "bad_json", null, null },
        { "predict", "", 400, "bad_json", null, null },
        { "predict", "[]", 422, "wrong_type", null, null },
        { "predict", Good[..^1] + ",\"padding\":\"" + new string('x', 20_000) + "\"}", 413, "too_large", null, null },
        { "predict/batch", $$"""[{{Good}},{{Good}},{"training":1,"age":51,"emergency_braking":1,"braking_distance":30,"power":100,"miles":-3}]""", 422, "invalid_value", "miles", 2 },
        { "predict/batch", $$"""[{{Good}},{"training":1,"emergency_braking":1,"braking_distance":30,"power":100,"miles":10}]""", 422, "missing_field", "age", 1 },
        { "predict/batch", $$"""[{{Good}},{"training":1,"age":"NaN","emergency_braking":1,"braking_distance":30,"power":100,"miles":10}]""", 422, "invalid_value", "age", 1 },
        { "predict/batch", "[" + string.Join(",", Enumerable.Repeat(Good, 1001)) + "]", 422, "too_many_rows", null, 1000 },
        { "predict/batch", Good, 422, "wrong_type", null, null },
        { "predict/batch", "[" + Good, 400, "bad_json", null, null },
        { "predict/batch", "[" + string.Join(",", Enumerable.Repeat(Good[..^1] + ",\"note\":\"" + new string('x', 2000) + "\"}", 600)) + "]", 413, "too_large", null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_gets_problem_details_naming_the_field(string path, string body, int status, string kind, string? field, int? row)
    {
        var answer = await ServiceSandbox.PostAsync(fixture.Service.Http, path, body);

        Assert.True((int)answer.Status == status, answer.ToString().Length > 600 ? answer.ToString()[..600] : answer.ToString());
        Assert.Equal("application/problem+json", answer.MediaType);
        var problem = answer.Json;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Equal(kind, problem.GetProperty("kind").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.DoesNotContain('\n', detail);
        Assert.DoesNotContain("   at ", detail, StringComparison.Ordinal);
        if (field is null)
        {
            Assert.False(problem.TryGetProperty("field", out _));
        }
        else
        {
            Assert.Equal(field, problem.GetProperty("field").GetString());
            Assert.Contains($"field '{field}'", detail, StringComparison.Ordinal);
        }

        if (row is null)
        {
            Assert.False(problem.TryGetProperty("row", out _));
        }
        else
        {
            Assert.Equal(row, problem.GetProperty("row").GetInt32());
            Assert.Contains($"row {row}", detail, StringComparison.Ordinal);
        }

        Assert.Equal("pong", await fixture.Service.Http.GetStringAsync("ping"));
    }

    [Fact]
    public async Task A_body_that_is_not_declared_as_JSON_is_refused_with_problem_details()
    {
        var answer = await ServiceSandbox.PostAsync(fixture.Service.Http, "predict", Good, "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Contains("Content-Type: application/json", answer.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xC3 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public async Task Invalid_UTF8_in_a_name_or_a_value_is_400_on_both_endpoints(byte[] bad)
    {
        var inValue = Encoding.UTF8.GetBytes(Good[..20] + "\"5").Concat(bad).Concat(Encoding.UTF8.GetBytes("\"" + Good[22..])).ToArray();
        var inName = Encoding.UTF8.GetBytes("{\"").Concat(bad).Concat(Encoding.UTF8.GetBytes("\":1," + Good[1..])).ToArray();
        var inFlag = Encoding.UTF8.GetBytes("{\"training\":\"").Concat(bad).Concat(Encoding.UTF8.GetBytes("\"," + Good[14..])).ToArray();

        foreach (var (path, body) in new[] { ("predict", inValue), ("predict", inName), ("predict", inFlag), ("predict/batch", Batch(inValue)), ("predict/batch", Batch(inName)) })
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            using var response = await fixture.Service.Http.PostAsync(path, content);
            var text = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode} {text}");
            Assert.Contains("\"kind\":\"bad_json\"", text, StringComparison.Ordinal);
        }

        static byte[] Batch(byte[] row) => [(byte)'[', .. row, (byte)']'];
    }

    [Fact]
    public async Task A_body_without_a_content_type_is_refused_like_text()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Good));
        using var response = await fixture.Service.Http.PostAsync("predict", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_foreign_Host_header_is_400_so_a_rebound_name_reads_nothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "health");
        request.Headers.Host = "attacker.example";
        using var response = await fixture.Service.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("--allowed-host", text, StringComparison.Ordinal);
        Assert.DoesNotContain("model_version", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_sent_too_slowly_is_408_and_one_cut_short_leaves_the_service_answering()
    {
        var (status, _) = await RawHttp.TrickleAsync(fixture.Service.Port, "/predict", Good, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));
        await RawHttp.AbortAsync(fixture.Service.Port, "/predict", Good[..20], declaredLength: 1000);
        await RawHttp.AbortAsync(fixture.Service.Port, "/predict/batch", "[" + Good[..20], declaredLength: 1000);

        Assert.Equal(408, status);
        Assert.Equal("pong", await fixture.Service.Http.GetStringAsync("ping"));
        Assert.DoesNotContain("   at ", fixture.Service.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_sent_in_chunks_without_a_length_is_limited_too()
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Good[..^1] + ",\"padding\":\"" + new string('x', 50_000) + "\"}")));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "predict") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await fixture.Service.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("pong", await fixture.Service.Http.GetStringAsync("ping"));
    }
}
