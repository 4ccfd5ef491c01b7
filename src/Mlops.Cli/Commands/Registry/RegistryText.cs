using System.Globalization;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Registry;
using Mlops.Core.Validation;
using Spectre.Console;

namespace Mlops.Cli.Commands.Registry;

/// <summary>How registry facts read in tables and messages: short hashes, sizes, times, stages, failed checks.</summary>
internal static class RegistryText
{
    public static string Hash(string sha256) => ArtifactManifest.Abbreviate(sha256);

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes.ToString(CultureInfo.InvariantCulture)} B",
        < 1024 * 1024 => $"{(bytes / 1024.0).ToString("F1", CultureInfo.InvariantCulture)} KB",
        _ => $"{(bytes / (1024.0 * 1024)).ToString("F1", CultureInfo.InvariantCulture)} MB",
    };

    public static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>To the minute, for narrow table columns.</summary>
    public static string Minute(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Stage(ModelStage stage) => stage.ToString().ToLowerInvariant();

    public static string StageMarkup(ModelStage stage) => stage switch
    {
        ModelStage.Production => "[green bold]production[/]",
        ModelStage.Archived => "[grey]archived[/]",
        _ => "candidate",
    };

    public static string Action(StageAction action) => action switch
    {
        StageAction.ForcedPromotion => "forced promotion",
        StageAction.RolledBack => "rolled back",
        _ => action.ToString().ToLowerInvariant(),
    };

    /// <summary>A table of checks with what was measured against which bound.</summary>
    public static Table Checks(IEnumerable<InvariantCheck> checks, string title)
    {
        var table = new Table().Title(title);
        table.AddColumn("check");
        table.AddColumn(new TableColumn("measured").RightAligned());
        table.AddColumn("bound");
        table.AddColumn("meaning");
        foreach (var check in checks)
        {
            table.AddRow(
                Markup.Escape(check.Name),
                Format.Number(check.Measured),
                Markup.Escape(check.Bound),
                Markup.Escape(check.Description));
        }

        return table;
    }

    /// <summary>The failed checks on one line: <c>name measured (bound)</c>, comma-separated.</summary>
    public static string FailedInline(IEnumerable<InvariantCheck> checks) =>
        string.Join(", ", checks.Select(c => $"{c.Name} {Format.Number(c.Measured)} ({c.Bound})"));
}
