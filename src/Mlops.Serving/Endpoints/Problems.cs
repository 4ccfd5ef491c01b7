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
}
