namespace Mlops.Monitoring;

/// <summary>
/// The built-in drift dashboard (<c>GET /dashboard</c>) for users without Grafana: one self-contained
/// page (no CDN, hand-written SVG) that polls <c>/datasets/{dataset}/drift?history=N</c>.
/// </summary>
internal static class DashboardPage
{
    private static readonly Lazy<byte[]> Content = new(Load);

    public static byte[] Html => Content.Value;

    private static byte[] Load()
    {
        using var stream = typeof(DashboardPage).Assembly.GetManifestResourceStream("Mlops.Monitoring.dashboard.html")
            ?? throw new InvalidOperationException("the dashboard page is missing from the assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
