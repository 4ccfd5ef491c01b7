using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Mlops.Core;

namespace Mlops.Hosting.Input;

/// <summary>
/// The one place where a failure caused by the request, not by us, becomes problem details instead of
/// a 500 with a stack trace in the log: a body sent too slowly (Kestrel's minimum data rate: 408), too
/// large (413), cut short or malformed at the HTTP level (400), JSON or text the parsers refused
/// (400), a user error of the domain (422). A client that went away gets no answer and no log line.
/// Everything else is a bug and stays a 500.
/// </summary>
internal sealed class InputFailureHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.RequestAborted.IsCancellationRequested || exception is ConnectionResetException or ConnectionAbortedException)
        {
            // Nobody is listening for an answer.
            httpContext.Abort();
            return true;
        }

        if (Classify(exception) is not { } problem)
        {
            return false;
        }

        if (httpContext.Response.HasStarted)
        {
            httpContext.Abort();
            return true;
        }

        httpContext.Response.Clear();
        await ServiceProblems.WriteAsync(httpContext, problem.Status, problem.Kind, problem.Title, problem.Detail).ConfigureAwait(false);
        return true;
    }

    internal static (int Status, string Kind, string Title, string Detail)? Classify(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout } =>
            (408, "request_timeout", "Request body too slow", "the request body arrived too slowly; send it at once"),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } e =>
            (413, "too_large", "Request body too large", e.Message),
        BadHttpRequestException e =>
            (e.StatusCode is >= 400 and < 500 ? e.StatusCode : 400, "bad_request", "Bad request", e.Message),
        JsonException e => (400, "bad_json", "Malformed JSON", "the request body is not valid JSON: " + e.Message),
        DecoderFallbackException => (400, "bad_json", "Malformed JSON", "the request body is not valid UTF-8"),
        InvalidInputException e => (422, "invalid_value", "Invalid value", e.Message),
        _ => null,
    };
}
