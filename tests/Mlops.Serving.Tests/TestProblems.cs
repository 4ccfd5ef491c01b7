using Mlops.Core.Problems;

namespace Mlops.Serving.Tests;

/// <summary>Small made-up problems for unit tests of the service's problem-driven parts.</summary>
internal static class TestProblems
{
    /// <summary>A problem named <paramref name="name"/> with a label <c>outcome</c> of the given string classes and these features.</summary>
    public static ProblemSchema Of(string name, string[] classes, params FeatureDefinition[] features) => new()
    {
        Version = ProblemSchema.CurrentVersion,
        Name = name,
        Label = new LabelDefinition
        {
            Column = "outcome",
            Classes = [.. classes.Select(c => new ClassDefinition { Value = ColumnValue.Of(c), Name = c })],
        },
        Features = features,
    };
}
