using System.Net;
using System.Text;

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
