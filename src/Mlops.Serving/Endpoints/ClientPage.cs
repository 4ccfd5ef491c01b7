namespace Mlops.Serving.Endpoints;

/// <summary>The talk's client page, shipped inside the assembly: the service serves it without files or a CDN.</summary>
internal static class ClientPage
{
    private static readonly Lazy<byte[]> Content = new(Load);

    public static byte[] Html => Content.Value;

    private static byte[] Load()
    {
        using var stream = typeof(ClientPage).Assembly.GetManifestResourceStream("Mlops.Serving.client.html")
            ?? throw new InvalidOperationException("the client page is missing from the assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
