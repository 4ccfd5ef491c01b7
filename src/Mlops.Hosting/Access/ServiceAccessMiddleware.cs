using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Mlops.Hosting.Input;

namespace Mlops.Hosting.Access;

/// <summary>
/// What every request passes before an endpoint sees it, in this order: a <c>Host</c> the service
/// answers to (400: DNS rebinding), the token or a loopback client for endpoints marked with
/// <see cref="StateChangeAuthorization.RequireStateChangeAuthorization{TBuilder}"/> (401/403), and
/// <c>Content-Type: application/json</c> for endpoints marked with
/// <see cref="JsonBodyRequirement.RequireJsonBody{TBuilder}"/> (415). Runs after routing, which
/// finds the endpoint's marks.
/// </summary>
internal sealed class ServiceAccessMiddleware(RequestDelegate next, AccessPolicy policy)
{
    private readonly IReadOnlySet<string> _hosts = policy.HostNames;

    public Task InvokeAsync(HttpContext context)
    {
        if (!policy.AnyHost && !IsAllowedHost(context.Request.Host))
        {
            return ServiceProblems.WriteAsync(context, StatusCodes.Status400BadRequest, "host_not_allowed", "Host not allowed",
                $"this service does not answer to the host name {Core.Excerpt.Quote(context.Request.Host.Host)}; start it with --allowed-host NAME to reach it by that name");
        }

        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<StateChangeAuthorization.StateChange>() is not null && Refusal(context) is { } refusal)
        {
            return refusal;
        }

        if (endpoint?.Metadata.GetMetadata<JsonBodyRequirement.JsonBody>() is not null && !IsJson(context.Request.ContentType))
        {
            return ServiceProblems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", "Unsupported Media Type",
                "send the request body as JSON with Content-Type: application/json");
        }

        return next(context);
    }

    private bool IsAllowedHost(HostString host)
    {
        // HTTP/1.0 has no Host header; browsers always send one, so an empty one is no rebinding.
        if (!host.HasValue)
        {
            return true;
        }

        var name = host.Host;
        if (name.StartsWith('[') && name.EndsWith(']'))
        {
            name = name[1..^1];
        }

        return _hosts.Contains(name.TrimEnd('.'));
    }

    private Task? Refusal(HttpContext context)
    {
        if (policy.Token is { } token)
        {
            var header = context.Request.Headers.Authorization.ToString();
            const string bearer = "Bearer ";
            if (header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) && token.Matches(header.AsSpan(bearer.Length).Trim()))
            {
                return null;
            }

            context.Response.Headers.WWWAuthenticate = "Bearer";
            return ServiceProblems.WriteAsync(context, StatusCodes.Status401Unauthorized, "unauthorized", "Unauthorized",
                "this changes the service's state: send the service's token as 'Authorization: Bearer <token>'");
        }

        return IsLoopback(context.Connection.RemoteIpAddress)
            ? null
            : ServiceProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "forbidden", "Forbidden",
                "without a token this service changes its state for clients on its own machine only; start it with a token (MLOPS_TOKEN or --token-file) and send 'Authorization: Bearer <token>'");
    }

    private static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
