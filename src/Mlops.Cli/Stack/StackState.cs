using System.Text.Json;
using Mlops.Core.Serialization;

namespace Mlops.Cli.Stack;

/// <summary>What <c>mlops up</c> started, written to <see cref="StackLayout.StateFile"/> as each process starts, so <c>mlops down</c> finds them all.</summary>
public sealed record StackState(DateTimeOffset StartedAt, string Home, string Data, IReadOnlyList<StackProcess> Processes)
{
    public static StackState? Load(StackLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (!File.Exists(layout.StateFile))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<StackState>(File.ReadAllText(layout.StateFile), MlopsJson.Options);
        }
        catch (JsonException e)
        {
            throw new Core.InvalidInputException($"{layout.StateFile}: not a state file of mlops up ({e.Message}); remove it after stopping the processes by hand", e);
        }
    }

    /// <summary>Written to a temporary file and renamed: a reader never sees half a file.</summary>
    public void Save(StackLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Directory.CreateDirectory(layout.RunFolder);
        var temporary = layout.StateFile + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, MlopsJson.Options));
        File.Move(temporary, layout.StateFile, overwrite: true);
    }

    public StackState With(StackProcess process) => this with { Processes = [.. Processes, process] };
}

/// <summary>One background process: what it is, its PID, where it answers and logs, and the arguments that identify it (a PID can be reused).</summary>
public sealed record StackProcess(string Name, string Title, int Pid, string Url, string ReadyUrl, string Log, IReadOnlyList<string> Identity)
{
    public bool IsRunning => BackgroundProcess.IsRunning(Pid, Identity);
}
