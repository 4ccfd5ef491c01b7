using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Mlops.Testing;

namespace Mlops.Deploy.Tests.Kubernetes;

/// <summary>What the real <c>mlops</c> command line says it accepts: <c>mlops [VERB] --help</c>, run once per verb.</summary>
internal static partial class CliHelp
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Texts = new(StringComparer.Ordinal);

    /// <summary>The help text of <c>mlops VERB --help</c>; <c>mlops --help</c> for an empty verb.</summary>
    public static Task<string> TextAsync(string verb) =>
        Texts.GetOrAdd(verb, v => new Lazy<Task<string>>(async () =>
        {
            var help = await CliProcess.RunAsync(v.Length == 0 ? ["--help"] : [v, "--help"]);
            return help.ExitCode == 0 ? help.StandardOutput : throw new InvalidOperationException($"mlops {v} --help failed: {help}");
        })).Value;

    /// <summary>The long options (<c>--port</c>) listed under OPTIONS in <c>mlops VERB --help</c>.</summary>
    public static async Task<IReadOnlySet<string>> OptionsAsync(string verb)
    {
        var text = await TextAsync(verb);
        var options = text.IndexOf("OPTIONS:", StringComparison.Ordinal);
        Assert.True(options >= 0, $"mlops {verb} --help has no OPTIONS section:\n{text}");
        return LongOption().Matches(text[options..]).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The environment variables the help text names as <c>$NAME</c> (e.g. <c>$MLOPS_HOME</c>).</summary>
    public static async Task<IReadOnlySet<string>> EnvironmentVariablesAsync(string verb) =>
        EnvironmentVariable().Matches(await TextAsync(verb)).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    // An entry of the options table, "    -p, --port <PORT>" or "        --host <HOST>"; not an
    // option named in a wrapped description, which is indented much further.
    [GeneratedRegex(@"^ {4}(?:-\w, | {4})(--[a-z][a-z0-9-]*)", RegexOptions.Multiline)]
    private static partial Regex LongOption();

    [GeneratedRegex(@"\$([A-Z][A-Z0-9_]*)")]
    private static partial Regex EnvironmentVariable();
}
