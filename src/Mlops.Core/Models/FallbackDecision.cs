namespace Mlops.Core.Models;

/// <summary>Whether the model or the rule baseline answers one request, and why.</summary>
/// <param name="Reason">None when the model answers.</param>
/// <param name="Feature">The first input outside its training range (<see cref="FallbackReason.OutOfRange"/> only).</param>
/// <param name="Explanation">One line for people; null when the model answers.</param>
public sealed record FallbackDecision(FallbackReason Reason, string? Feature = null, string? Explanation = null)
{
    public static FallbackDecision Model { get; } = new(FallbackReason.None);

    public bool UsesBaseline => Reason != FallbackReason.None;
}
