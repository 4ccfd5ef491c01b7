using Microsoft.AspNetCore.Http;
using Mlops.Hosting.Input;
using Mlops.Serving.Input;

namespace Mlops.Serving.Endpoints;

/// <summary>Bad input as RFC 7807 problem details (<see cref="ServiceProblems"/>): a title, one line of detail, and the field (and row) to blame.</summary>
internal static class Problems
{
    public static IResult For(InputError error)
    {
        var extensions = new Dictionary<string, object?>();
        if (error.Field is not null)
        {
            extensions["field"] = error.Field;
        }

        if (error.Row is not null)
        {
            extensions["row"] = error.Row;
        }

        return ServiceProblems.Result(error.Kind.StatusCode(), error.Kind.Label(), error.Kind.Title(), error.Message, extensions);
    }

    /// <summary>503: the prediction log did not commit the answer in time, so it is not given (durable mode: never a 200 for an unrecorded prediction).</summary>
    public static IResult Unrecorded(TimeSpan commitTimeout) => TypedResults.Problem(
        detail: $"the prediction log did not record the answer within {commitTimeout.TotalSeconds:0.###} s, so none is given; retry later (GET /health says why)",
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Prediction not recorded",
        type: "urn:mlops:problem:unrecorded",
        extensions: new Dictionary<string, object?> { ["kind"] = "unrecorded" });
}
