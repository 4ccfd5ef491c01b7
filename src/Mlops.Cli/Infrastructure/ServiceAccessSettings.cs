using System.ComponentModel;
using Mlops.Hosting.Access;
using Spectre.Console.Cli;

namespace Mlops.Cli.Infrastructure;

/// <summary>The options <c>mlops serve</c> and <c>mlops monitor</c> share: the token, extra Host names and <c>--insecure</c>.</summary>
public abstract class ServiceAccessSettings : CommandSettings
{
    [CommandOption("--token-file <FILE>")]
    [Description("The token that state changes need ('Authorization: Bearer <token>'); default $MLOPS_TOKEN. Without one, only clients on this machine may change state.")]
    public string? TokenFile { get; init; }

    [CommandOption("--allowed-host <NAME>")]
    [Description("Also answer requests addressed to this host name (repeatable; loopback names always; * for any), e.g. the name other containers use.")]
    public string[] AllowedHosts { get; init; } = [];

    [CommandOption("--insecure")]
    [Description("Listen on a network address without a token: anyone who reaches the port may change the service's state.")]
    public bool Insecure { get; init; }

    /// <summary>The access policy these options describe; a missing or bad token file is a user error.</summary>
    public AccessPolicy Access() => new()
    {
        Token = ApiToken.Resolve(TokenFile),
        AllowedHosts = AllowedHosts,
        Insecure = Insecure,
    };
}
