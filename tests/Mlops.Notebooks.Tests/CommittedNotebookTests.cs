using System.Globalization;

namespace Mlops.Notebooks.Tests;

/// <summary>What every committed notebook's run must show; a test class per notebook adds what it computes.</summary>
public abstract class CommittedNotebookTests(NotebookRunFixture notebook)
{
    internal NotebookRun Run => notebook.Run;

    [Fact]
    public void Every_cell_runs_without_an_error()
    {
        Assert.True(Run.Succeeded, Run.Describe());
    }

    /// <summary>A cell drew <paramref name="count"/> charts, each a PNG, no two alike.</summary>
    protected static void AssertDistinctCharts(int count, IReadOnlyList<byte[]> images)
    {
        Assert.Equal(count, images.Count);
        Assert.All(images, png => Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]));
        Assert.Equal(images.Count, images.Select(Convert.ToBase64String).Distinct().Count());
    }

    /// <summary>Numbers as the notebooks print them: the runner starts the kernel in the invariant culture.</summary>
    protected static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
