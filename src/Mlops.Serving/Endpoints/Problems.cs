using Microsoft.AspNetCore.Http;
using Mlops.Serving.Input;

namespace Mlops.Serving.Endpoints;

/// <summary>Bad input as RFC 7807 problem details: a title, one line of detail, and the field (and row) to blame.</summary>
internal static class Problems
{
    public static IResult For(InputError error)
    {
        var extensions = new Dictionary<string, object?> { ["kind"] = error.Kind.Label() };
        if (error.Field is not null)
        {
            extensions["field"] = error.Field;
        }

        if (error.Row is not null)
        {
            extensions["row"] = error.Row;
        }

        return TypedResults.Problem(
            detail: error.Message,
            statusCode: error.Kind.StatusCode(),
            title: error.Kind.Title(),
            type: "urn:mlops:problem:" + error.Kind.Label(),
            extensions: extensions);
    }
}
