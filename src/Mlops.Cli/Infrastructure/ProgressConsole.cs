using Spectre.Console;

namespace Mlops.Cli.Infrastructure;

/// <summary>A console on stderr for progress and spinners, so stdout carries only the result.</summary>
public static class ProgressConsole
{
    public static IAnsiConsole Create() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
    });
}
