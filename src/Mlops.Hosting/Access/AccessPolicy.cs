using System.Net;
using Mlops.Core;

namespace Mlops.Hosting.Access;

/// <summary>
/// Who may talk to a service: the <c>Host</c> names it answers to (loopback names, plus
/// <c>--allowed-host</c>: closes DNS rebinding) and who may change its state (the holder of the
/// <see cref="Token"/>, or without a token loopback clients only). Secure by default: an empty policy
/// is a service for this machine.
/// </summary>
public sealed record AccessPolicy
{
    /// <summary>The names a loopback service is reached by.</summary>
    public static IReadOnlyList<string> LoopbackHosts { get; } = ["localhost", "127.0.0.1", "::1"];

    /// <summary>The secret state changes need; null: state changes from loopback clients only.</summary>
    public ApiToken? Token { get; init; }

    /// <summary>Host names accepted besides <see cref="LoopbackHosts"/>, e.g. a container's service name; <c>*</c> accepts any.</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>The user accepted listening on a network address without a token (<c>--insecure</c>).</summary>
    public bool Insecure { get; init; }

    public bool AnyHost => AllowedHosts.Contains("*");

    /// <summary>Every Host name this service answers to.</summary>
    public IReadOnlySet<string> HostNames => new HashSet<string>(LoopbackHosts.Concat(AllowedHosts.Select(Normalize)), StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="host"/> (a <c>--host</c> value: a name or an address) is only reachable from this machine.</summary>
    public static bool IsLoopback(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(Normalize(host), out var address) && IPAddress.IsLoopback(address));
    }

    /// <summary>
    /// Refuses to listen on a network address when nobody set a token: anyone who reaches the port
    /// could then change the service's state. <c>--insecure</c> says the user means it.
    /// </summary>
    /// <param name="host">The <c>--host</c> value.</param>
    /// <param name="service">"the drift monitor", "the prediction service".</param>
    public void CheckListening(string host, string service)
    {
        if (Token is null && !Insecure && !IsLoopback(host))
        {
            throw new InvalidInputException(
                $"--host {Excerpt.Quote(host)} makes {service} reachable from the network, and no token is set: " +
                $"set {ApiToken.EnvironmentVariable} or --token-file FILE (state changes then need 'Authorization: Bearer <token>'), or pass --insecure");
        }
    }

    /// <summary>This policy, also accepting the address the service listens on as a Host name (clients reach it by that address).</summary>
    public AccessPolicy Listening(string host) =>
        IsLoopback(host) || host is "*" or "0.0.0.0" or "::" or "+" ? this : this with { AllowedHosts = [.. AllowedHosts, host] };

    private static string Normalize(string host) => host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
}
