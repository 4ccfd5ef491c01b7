using Spectre.Console;

namespace Mlops.Cli.Infrastructure;

/// <summary>A console on stderr for progress and side notes, so stdout carries only the result.</summary>
public static class StandardErrorConsole
{
    public static IAnsiConsole Create() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
    });
}
