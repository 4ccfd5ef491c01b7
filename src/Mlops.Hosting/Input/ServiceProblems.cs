using Microsoft.AspNetCore.Http;
using Mlops.Core;

namespace Mlops.Hosting.Input;

/// <summary>
/// Every refusal of both services as RFC 7807 problem details, in one shape: <c>type</c>
/// <c>urn:mlops:problem:KIND</c>, a title, one safe line of detail (<see cref="Excerpt.Line"/>) and
/// <c>kind</c>, plus what the caller adds (the field, the row).
/// </summary>
public static class ServiceProblems
{
    public static IResult Result(int status, string kind, string title, string detail, IEnumerable<KeyValuePair<string, object?>>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var all = new Dictionary<string, object?>(StringComparer.Ordinal) { ["kind"] = kind };
        foreach (var (key, value) in extensions ?? [])
        {
            all[key] = value;
        }

        return TypedResults.Problem(
            detail: Excerpt.Line(detail),
            statusCode: status,
            title: title,
            type: "urn:mlops:problem:" + kind,
            extensions: all);
    }

    public static Task WriteAsync(HttpContext context, int status, string kind, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Result(status, kind, title, detail).ExecuteAsync(context);
    }
}
