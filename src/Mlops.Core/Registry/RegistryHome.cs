namespace Mlops.Core.Registry;

/// <summary>
/// Where the registry keeps models, data and its catalog: <c>$MLOPS_HOME</c>, or <c>.mlops/</c> in the
/// working directory (ignored by git: models and data are versioned, but not in git).
/// </summary>
public static class RegistryHome
{
    /// <summary>The environment variable that moves the registry (tests, CI, a shared disk).</summary>
    public const string EnvironmentVariable = "MLOPS_HOME";

    /// <summary>The folder used when <see cref="EnvironmentVariable"/> is not set, relative to the working directory.</summary>
    public const string DefaultFolder = ".mlops";

    /// <summary>The registry folder as an absolute path: <c>$MLOPS_HOME</c> if set, else <c>./.mlops</c>.</summary>
    public static string Resolve()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? DefaultFolder : configured);
    }
}
