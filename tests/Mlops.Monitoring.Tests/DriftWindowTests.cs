namespace Mlops.Monitoring.Tests;

public sealed class DriftWindowTests
{
    [Fact]
    public void Keeps_the_latest_rows_oldest_first()
    {
        var window = new DriftWindow(["a", "b"], capacity: 3);
        for (var i = 1; i <= 5; i++)
        {
            window.Add([i, -i]);
        }

        Assert.True(window.IsFull);
        Assert.Equal(5, window.RowsAdded);
        var a = window.Column("a");
        Assert.Equal([3.0, 4, 5], [.. a.First.ToArray(), .. a.Second.ToArray()]);
        var b = window.Column("b");
        Assert.Equal([-3.0, -4, -5], [.. b.First.ToArray(), .. b.Second.ToArray()]);
    }

    [Fact]
    public void A_partial_window_has_one_segment()
    {
        var window = new DriftWindow(["a"], capacity: 3);
        window.Add([7.0]);
        Assert.Equal(1, window.RowCount);
        Assert.Equal([7.0], window.Column("a").First.ToArray());
        Assert.True(window.Column("a").Second.IsEmpty);
        Assert.Throws<ArgumentException>(() => window.Add([1.0, 2.0]));
    }
}
