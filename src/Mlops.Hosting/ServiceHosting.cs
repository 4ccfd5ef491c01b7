using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Mlops.Hosting.Access;
using Mlops.Hosting.Input;

namespace Mlops.Hosting;

/// <summary>
/// The two calls each service makes to get what both share: <see cref="AddServiceHosting"/> when it
/// builds its services, <see cref="UseServiceAccess"/> after <c>UseRouting</c>.
/// </summary>
public static class ServiceHosting
{
    /// <summary>Problem details for every error answer, and input failures (slow, cut or malformed bodies) as 4xx instead of 500.</summary>
    public static IServiceCollection AddServiceHosting(this IServiceCollection services)
    {
        services.AddExceptionHandler<InputFailureHandler>();
        return services;
    }

    /// <summary>Host names, state-change authorization and JSON bodies (see <see cref="ServiceAccessMiddleware"/>).</summary>
    public static IApplicationBuilder UseServiceAccess(this IApplicationBuilder app, AccessPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return app.UseMiddleware<ServiceAccessMiddleware>(policy);
    }
}
