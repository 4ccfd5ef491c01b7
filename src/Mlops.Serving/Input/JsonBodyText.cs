using System.Buffers;

namespace Mlops.Serving.Input;

/// <summary>
/// What every JSON body of the service must be before it is parsed: UTF-8 text. The readers decode
/// only the strings they need and skip the rest as bytes, so the whole body is checked once here.
/// Vectorised; a body of the seed's size costs nanoseconds.
/// </summary>
internal static class JsonBodyText
{
    public static InputError NotUtf8 { get; } = new(InputErrorKind.BadJson, "the request body is not valid UTF-8: JSON text is UTF-8");

    /// <summary>A lone surrogate escape (<c>"\ud800"</c>) is valid JSON but no text: decoding it throws this.</summary>
    public static string LoneSurrogate => "a string is not valid UTF-8 or holds a lone surrogate (\\ud800-\\udfff)";

    public static bool IsUtf8(ReadOnlySequence<byte> body) =>
        body.IsSingleSegment ? System.Text.Unicode.Utf8.IsValid(body.FirstSpan) : System.Text.Unicode.Utf8.IsValid(body.ToArray());
}
