using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Mlops.Serving.Endpoints;

/// <summary>
/// The one place that decides who may change the service's state (<c>POST /labels</c>): for now a
/// client on the service's own machine, 403 for anyone else. Meant to be swapped for the shared
/// token-or-loopback authorization of the hosting layer when that lands: replace the call to
/// <see cref="RequireLoopbackClient{TBuilder}"/> and delete this file.
/// </summary>
internal static class LoopbackOnly
{
    public static TBuilder RequireLoopbackClient<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var address = context.HttpContext.Connection.RemoteIpAddress;
            var loopback = address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
            return loopback
                ? await next(context)
                : TypedResults.Problem(
                    detail: "this changes the service's state: only clients on the service's own machine may send it",
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "Forbidden",
                    type: "urn:mlops:problem:forbidden");
        });
}
