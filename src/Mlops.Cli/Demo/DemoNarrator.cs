using Spectre.Console;
using Spectre.Console.Rendering;

namespace Mlops.Cli.Demo;

/// <summary>
/// Tells the story in the terminal: a rule per phase with the talk's name for it, a line or two in
/// the talk's words, then what each step did. With <c>--json</c> it speaks on stderr, so stdout stays
/// the machine-readable result.
/// </summary>
public sealed class DemoNarrator(IAnsiConsole console)
{
    public IAnsiConsole Console => console;

    /// <summary>A new act of the talk: its title as a rule and what it is about.</summary>
    public void Phase(string title, string story)
    {
        console.WriteLine();
        Heading(title);
        console.MarkupLineInterpolated($"[italic]{story}[/]");
    }

    /// <summary>A rule across the terminal; in a log or pipe (no width), a rule of its own length.</summary>
    public void Heading(string title)
    {
        if (console.Profile.Capabilities.Interactive)
        {
            console.Write(new Rule($"[bold yellow]{Markup.Escape(title)}[/]").LeftJustified());
        }
        else
        {
            console.MarkupLineInterpolated($"[bold yellow]── {title} {new string('─', Math.Max(3, 76 - title.Length))}[/]");
        }
    }

    /// <summary>What the next step does, before it runs (it may take a few seconds).</summary>
    public void Step(string text) => console.MarkupLineInterpolated($"[bold]▸ {text}[/]");

    /// <summary>A line of the story: markup in the text, the values escaped.</summary>
    public void Say(FormattableString line) => console.MarkupLineInterpolated(line);

    /// <summary>An explanation in the talk's words, set apart from the measured facts.</summary>
    public void Explain(string text) => console.MarkupLineInterpolated($"[grey]  {text}[/]");

    public void Write(IRenderable renderable) => console.Write(renderable);
}
