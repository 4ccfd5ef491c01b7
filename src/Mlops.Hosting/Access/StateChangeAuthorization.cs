using Microsoft.AspNetCore.Builder;

namespace Mlops.Hosting.Access;

/// <summary>
/// Marks an endpoint that changes a service's state (the monitor's <c>/iterate</c> and
/// <c>drift/calculate</c>, the service's labels and admin endpoints): <see cref="ServiceAccessMiddleware"/>
/// lets a request through only with <c>Authorization: Bearer &lt;token&gt;</c> when a token is set
/// (401 otherwise), and only from a loopback client when none is set (403 otherwise).
/// </summary>
public static class StateChangeAuthorization
{
    public static TBuilder RequireStateChangeAuthorization<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(StateChange.Instance);

    /// <summary>The endpoint metadata.</summary>
    public sealed class StateChange
    {
        private StateChange()
        {
        }

        public static StateChange Instance { get; } = new();
    }
}
