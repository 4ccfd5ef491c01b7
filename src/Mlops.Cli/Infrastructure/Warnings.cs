namespace Mlops.Cli.Infrastructure;

/// <summary>
/// <c>mlops: warning: …</c> on stderr: the command goes on, but the user should know (e.g. a model whose
/// card predates the model-file hash). On stderr so that stdout stays the result (tables, JSON).
/// </summary>
public static class Warnings
{
    public static void Write(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Console.Error.WriteLine($"mlops: warning: {message.ReplaceLineEndings(" ").Trim()}");
    }
}
