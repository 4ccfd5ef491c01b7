using ScottPlot;

namespace Mlops.Reporting.Charts;

/// <summary>The report's colours and sizes, in one place.</summary>
internal static class ChartStyle
{
    public const int Width = 530;
    public const int Height = 320;
    public const int SmallWidth = 350;
    public const int SmallHeight = 230;
    public const int WideWidth = 1000;
    public const int WideHeight = 380;

    public static Color Reference { get; } = Color.FromHex("#4c72b0");
    public static Color Current { get; } = Color.FromHex("#dd8452");
    public static Color Threshold { get; } = Color.FromHex("#c44e52");
    public static Color Estimate { get; } = Color.FromHex("#8172b3");
    public static Color Baseline { get; } = Color.FromHex("#937860");

    /// <summary>One colour per series (features, classes), fixed so a feature keeps its colour in every chart.</summary>
    public static IReadOnlyList<Color> Series { get; } =
    [
        Color.FromHex("#4c72b0"), Color.FromHex("#dd8452"), Color.FromHex("#55a868"),
        Color.FromHex("#c44e52"), Color.FromHex("#8172b3"), Color.FromHex("#937860"), Color.FromHex("#da8bc3"),
    ];

    /// <summary>One colour per risk class, in <see cref="Mlops.Core.Data.RiskGroups.All"/> order: high, medium, low.</summary>
    public static IReadOnlyList<Color> RiskClasses { get; } =
    [
        Color.FromHex("#c44e52"), Color.FromHex("#dd8452"), Color.FromHex("#55a868"),
    ];

    public static byte[] Png(Plot plot, int width = Width, int height = Height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }
}
