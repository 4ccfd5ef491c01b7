namespace Mlops.Testing.Observability;

/// <summary>A panel's place on Grafana's grid: 24 columns wide, rows of 30 px.</summary>
public sealed record GridPosition(int X, int Y, int Width, int Height)
{
    public bool Overlaps(GridPosition other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return X < other.X + other.Width && other.X < X + Width && Y < other.Y + other.Height && other.Y < Y + Height;
    }
}
