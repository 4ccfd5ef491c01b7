using Microsoft.AspNetCore.Builder;

namespace Mlops.Hosting.Input;

/// <summary>
/// Marks an endpoint that reads a JSON body: <see cref="Access.ServiceAccessMiddleware"/> refuses any other
/// <c>Content-Type</c>, and a missing one, with 415. A web page can send <c>text/plain</c> to another
/// origin without asking first (a CORS "simple request"); <c>application/json</c> it cannot.
/// </summary>
public static class JsonBodyRequirement
{
    public static TBuilder RequireJsonBody<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(JsonBody.Instance);

    /// <summary>The endpoint metadata.</summary>
    public sealed class JsonBody
    {
        private JsonBody()
        {
        }

        public static JsonBody Instance { get; } = new();
    }
}
