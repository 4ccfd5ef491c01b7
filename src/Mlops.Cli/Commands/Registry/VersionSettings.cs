using System.ComponentModel;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Registry;

/// <summary>The settings of a registry command that names one version: what VERSION may be, said once.</summary>
public class VersionSettings : CommandSettings
{
    [CommandArgument(0, "<VERSION>")]
    [Description("vN (e.g. v3), a prefix of at least 4 hex digits of the artifact hash, or 'production' ('production:NAME': the production model of problem NAME, when several problems have one).")]
    public string Version { get; init; } = "";
}
