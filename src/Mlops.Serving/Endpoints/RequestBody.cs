using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;

namespace Mlops.Serving.Endpoints;

/// <summary>
/// The whole request body, read from the pipe without copying, up to a limit: an oversized body is
/// refused as soon as it passes the limit (or at once, by its Content-Length), never buffered whole.
/// </summary>
internal readonly struct RequestBody
{
    private readonly PipeReader? _reader;

    private RequestBody(PipeReader? reader, ReadOnlySequence<byte> buffer, bool tooLarge)
    {
        _reader = reader;
        Buffer = buffer;
        TooLarge = tooLarge;
    }

    public ReadOnlySequence<byte> Buffer { get; }

    public bool TooLarge { get; }

    public static async ValueTask<RequestBody> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return new RequestBody(null, default, tooLarge: true);
        }

        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (result.Buffer.Length > limit)
            {
                reader.AdvanceTo(result.Buffer.End);
                return new RequestBody(null, default, tooLarge: true);
            }

            // With a Content-Length the body is complete once that many bytes are in: no extra read for the end.
            if (result.IsCompleted || result.IsCanceled || result.Buffer.Length == request.ContentLength)
            {
                return new RequestBody(reader, result.Buffer, tooLarge: false);
            }

            // Nothing consumed yet: ask for more until the body is complete.
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    /// <summary>Gives the buffer back to the pipe; the sequence must not be used afterwards.</summary>
    public void Release() => _reader?.AdvanceTo(Buffer.End);
}
